-- Finished jobs by the time they finished, for retention (Jobs:FinishedRetention): a one-shot job delivered, or a
-- recurring one past its end. Failed jobs are not here: they wait for an operator (replay or delete). The triggers
-- keep the table in the statement that writes a job's state, beside 0011's listing triggers, so it cannot disagree
-- with the state after a crash; a job that leaves those statuses (run again, deleted) leaves the table.
CREATE TABLE IF NOT EXISTS tg_finished_jobs
(
    ServiceId     TEXT    NOT NULL,
    job_key       TEXT    NOT NULL,   -- db/collection/id, the job grain's key
    finished_time INTEGER NOT NULL,   -- deliveredAt, else firedAt, else updatedAt (unix ms)
    PRIMARY KEY (ServiceId, job_key)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS IX_tg_finished_jobs_Time ON tg_finished_jobs (ServiceId, finished_time);

INSERT INTO tg_finished_jobs (ServiceId, job_key, finished_time)
SELECT ServiceId, GrainIdExtensionString,
       COALESCE(state ->> '$.deliveredAt', state ->> '$.firedAt', state ->> '$.updatedAt', 0)
FROM (SELECT ServiceId, GrainIdExtensionString, CAST(PayloadBinary AS TEXT) AS state
      FROM OrleansStorage WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL)
WHERE state ->> '$.status' IN ('delivered', 'completed')
ON CONFLICT (ServiceId, job_key) DO NOTHING;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_JobFinishedInserted AFTER INSERT ON OrleansStorage
WHEN NEW.GrainTypeString = 'job' AND CAST(NEW.PayloadBinary AS TEXT) ->> '$.status' IN ('delivered', 'completed')
BEGIN
    INSERT INTO tg_finished_jobs (ServiceId, job_key, finished_time)
    SELECT NEW.ServiceId, NEW.GrainIdExtensionString,
           COALESCE(state ->> '$.deliveredAt', state ->> '$.firedAt', state ->> '$.updatedAt', 0)
    FROM (SELECT CAST(NEW.PayloadBinary AS TEXT) AS state)
    WHERE true
    ON CONFLICT (ServiceId, job_key) DO UPDATE SET finished_time = excluded.finished_time;
END;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_JobFinishedUpdated AFTER UPDATE OF PayloadBinary ON OrleansStorage
WHEN NEW.GrainTypeString = 'job'
BEGIN
    DELETE FROM tg_finished_jobs
    WHERE ServiceId = NEW.ServiceId AND job_key = NEW.GrainIdExtensionString
      AND COALESCE(CAST(NEW.PayloadBinary AS TEXT) ->> '$.status' NOT IN ('delivered', 'completed'), true);
    INSERT INTO tg_finished_jobs (ServiceId, job_key, finished_time)
    SELECT NEW.ServiceId, NEW.GrainIdExtensionString,
           COALESCE(state ->> '$.deliveredAt', state ->> '$.firedAt', state ->> '$.updatedAt', 0)
    FROM (SELECT CAST(NEW.PayloadBinary AS TEXT) AS state)
    WHERE state ->> '$.status' IN ('delivered', 'completed')
    ON CONFLICT (ServiceId, job_key) DO UPDATE SET finished_time = excluded.finished_time
    WHERE finished_time <> excluded.finished_time;
END;

-- The keys of jobs that finished before @Before, oldest first.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridFinishedJobsKey', '
SELECT job_key
FROM tg_finished_jobs INDEXED BY IX_tg_finished_jobs_Time
WHERE ServiceId = @ServiceId AND finished_time < @Before
ORDER BY finished_time
LIMIT @Limit;
');

-- A job's state row once its grain cleared it: a cleared row (payload NULL) keeps its version so that a writer holding
-- one finds it, but a job that retention expired has no writer left, and its row would otherwise stay for ever. (A create
-- of that very id in the milliseconds between the clear and this delete may be refused once, as a conflict would be.)
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDeleteClearedJobKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND GrainIdExtensionString = @JobKey
  AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND PayloadBinary IS NULL;
');
