-- Finished jobs by the time they finished, for retention (Jobs:FinishedRetention): a one-shot job delivered, or a
-- recurring one past its end. Failed jobs are not here: they wait for an operator (replay or delete). The trigger
-- keeps the table in the statement that writes a job's state, beside 0011's listing trigger, so it cannot disagree
-- with the state after a crash; a job that leaves those statuses (run again, deleted) leaves the table.
-- The index is built inside the migration's transaction: on a large table it holds writes for the seconds it takes.
CREATE TABLE IF NOT EXISTS tg_finished_jobs
(
    ServiceId     varchar(150) NOT NULL,
    job_key       varchar(512) NOT NULL,   -- db/collection/id, the job grain's key
    finished_time bigint       NOT NULL,   -- deliveredAt, else firedAt, else updatedAt (unix ms)
    PRIMARY KEY (ServiceId, job_key)
);

CREATE INDEX IF NOT EXISTS IX_tg_finished_jobs_Time ON tg_finished_jobs (ServiceId, finished_time);

CREATE OR REPLACE FUNCTION tg_finished_time(state jsonb) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE((state ->> 'deliveredAt')::bigint, (state ->> 'firedAt')::bigint, (state ->> 'updatedAt')::bigint, 0)
$$;

INSERT INTO tg_finished_jobs (ServiceId, job_key, finished_time)
SELECT ServiceId, GrainIdExtensionString, tg_finished_time(tg_state_json(PayloadBinary))
FROM OrleansStorage
WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL
  AND tg_state_json(PayloadBinary) ->> 'status' IN ('delivered', 'completed')
ON CONFLICT (ServiceId, job_key) DO NOTHING;

CREATE OR REPLACE FUNCTION tg_finished_jobs_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state jsonb := tg_state_json(NEW.PayloadBinary);   -- NULL for a deleted job
BEGIN
    IF state ->> 'status' IN ('delivered', 'completed') THEN
        INSERT INTO tg_finished_jobs AS f (ServiceId, job_key, finished_time)
        VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, tg_finished_time(state))
        ON CONFLICT (ServiceId, job_key) DO UPDATE SET finished_time = excluded.finished_time
        WHERE f.finished_time <> excluded.finished_time;
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM tg_finished_jobs WHERE ServiceId = NEW.ServiceId AND job_key = NEW.GrainIdExtensionString;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS TR_OrleansStorage_JobFinished ON OrleansStorage;
CREATE TRIGGER TR_OrleansStorage_JobFinished AFTER INSERT OR UPDATE OF PayloadBinary ON OrleansStorage
    FOR EACH ROW WHEN (NEW.GrainTypeString = 'job') EXECUTE FUNCTION tg_finished_jobs_sync();

-- The keys of jobs that finished before @Before, oldest first.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridFinishedJobsKey', '
SELECT job_key
FROM tg_finished_jobs
WHERE ServiceId = @ServiceId AND finished_time < @Before
ORDER BY finished_time
LIMIT @Limit;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- A job's state row once its grain cleared it: a cleared row (payload NULL) keeps its version so that a writer holding
-- one finds it, but a job that retention expired has no writer left, and its row would otherwise stay for ever. (A create
-- of that very id in the milliseconds between the clear and this delete may be refused once, as a conflict would be.)
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDeleteClearedJobKey', '
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND GrainIdExtensionString = @JobKey
  AND GrainIdN0 = 0 AND GrainIdN1 = 0 AND PayloadBinary IS NULL;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
