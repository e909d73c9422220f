-- The record side: executions (one row per firing, upserted as it progresses) and the audit log
-- (appended), written in batches by RecordWriter, read through RecordStore, pruned by RecordRetention.
-- Times are epoch milliseconds.

CREATE TABLE IF NOT EXISTS tg_executions
(
    ServiceId      TEXT    NOT NULL,
    execution_id   TEXT    NOT NULL,
    db             TEXT    NOT NULL,
    collection     TEXT    NOT NULL,
    job_id         TEXT    NOT NULL,
    scheduled_time INTEGER NOT NULL,
    fired_time     INTEGER NULL,
    finished_time  INTEGER NULL,
    attempt        INTEGER NOT NULL,
    state          TEXT    NOT NULL,
    http_status    INTEGER NULL,
    latency_ms     INTEGER NULL,
    error          TEXT    NULL,
    result         TEXT    NULL,
    updated_time   INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, execution_id)
);

-- execution_id ends each key so that paging by (scheduled_time, execution_id) is an index range.
CREATE INDEX IF NOT EXISTS IX_tg_executions_Db ON tg_executions (ServiceId, db, scheduled_time DESC, execution_id DESC);
CREATE INDEX IF NOT EXISTS IX_tg_executions_Job ON tg_executions (ServiceId, db, collection, job_id, scheduled_time DESC, execution_id DESC);
CREATE INDEX IF NOT EXISTS IX_tg_executions_Updated ON tg_executions (ServiceId, updated_time);

CREATE TABLE IF NOT EXISTS tg_audit
(
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,  -- AUTOINCREMENT: an id is never reused after retention
    ServiceId    TEXT    NOT NULL,
    created_time INTEGER NOT NULL,
    db           TEXT    NOT NULL,
    collection   TEXT    NOT NULL,
    job_id       TEXT    NOT NULL,
    job_name     TEXT    NULL,
    event        TEXT    NOT NULL,
    user_name    TEXT    NOT NULL,
    description  TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS IX_tg_audit_Db ON tg_audit (ServiceId, db, created_time DESC, id DESC);
CREATE INDEX IF NOT EXISTS IX_tg_audit_Created ON tg_audit (ServiceId, created_time);

-- A later write of an execution replaces it, except that a known fired time is never forgotten.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridUpsertExecutionKey', '
INSERT INTO tg_executions
    (ServiceId, execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
     attempt, state, http_status, latency_ms, error, result, updated_time)
VALUES
    (@ServiceId, @ExecutionId, @Db, @Collection, @JobId, @ScheduledTime, @FiredTime, @FinishedTime,
     @Attempt, @State, @HttpStatus, @LatencyMs, @Error, @Result, @UpdatedTime)
ON CONFLICT (ServiceId, execution_id) DO UPDATE SET
    db = excluded.db, collection = excluded.collection, job_id = excluded.job_id,
    scheduled_time = excluded.scheduled_time,
    fired_time = COALESCE(excluded.fired_time, tg_executions.fired_time),
    finished_time = excluded.finished_time, attempt = excluded.attempt, state = excluded.state,
    http_status = excluded.http_status, latency_ms = excluded.latency_ms, error = excluded.error,
    result = excluded.result, updated_time = excluded.updated_time;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridInsertAuditKey', '
INSERT INTO tg_audit (ServiceId, created_time, db, collection, job_id, job_name, event, user_name, description)
VALUES (@ServiceId, @CreatedTime, @Db, @Collection, @JobId, @JobName, @Event, @UserName, @Description);
');

-- Executions newest first, one key per filter so each is served by an index range, not a filter.
-- Paging: the page starts after (@BeforeTime, @BeforeId), the last row of the previous page.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridExecutionsOfDbKey', '
SELECT execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
       attempt, state, http_status, latency_ms, error, result, updated_time
FROM tg_executions INDEXED BY IX_tg_executions_Db
WHERE ServiceId = @ServiceId AND db = @Db
  AND scheduled_time >= @From AND scheduled_time < @To
  AND (scheduled_time, execution_id) < (@BeforeTime, @BeforeId)
ORDER BY scheduled_time DESC, execution_id DESC
LIMIT @Limit;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridExecutionsOfCollectionKey', '
SELECT execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
       attempt, state, http_status, latency_ms, error, result, updated_time
FROM tg_executions INDEXED BY IX_tg_executions_Job
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection
  AND scheduled_time >= @From AND scheduled_time < @To
  AND (scheduled_time, execution_id) < (@BeforeTime, @BeforeId)
ORDER BY scheduled_time DESC, execution_id DESC
LIMIT @Limit;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridExecutionsOfJobKey', '
SELECT execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
       attempt, state, http_status, latency_ms, error, result, updated_time
FROM tg_executions INDEXED BY IX_tg_executions_Job
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection AND job_id = @JobId
  AND scheduled_time >= @From AND scheduled_time < @To
  AND (scheduled_time, execution_id) < (@BeforeTime, @BeforeId)
ORDER BY scheduled_time DESC, execution_id DESC
LIMIT @Limit;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridExecutionKey', '
SELECT execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
       attempt, state, http_status, latency_ms, error, result, updated_time
FROM tg_executions
WHERE ServiceId = @ServiceId AND execution_id = @ExecutionId;
');

-- The audit log is written by client changes only, far less than executions: one index and filters suffice.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridAuditKey', '
SELECT id, created_time, db, collection, job_id, job_name, event, user_name, description
FROM tg_audit INDEXED BY IX_tg_audit_Db
WHERE ServiceId = @ServiceId AND db = @Db
  AND (@Collection IS NULL OR collection = @Collection)
  AND (@JobId IS NULL OR job_id = @JobId)
  AND created_time >= @From AND created_time < @To
  AND (created_time, id) < (@BeforeTime, @BeforeId)
ORDER BY created_time DESC, id DESC
LIMIT @Limit;
');

-- Retention, @Chunk rows a statement: each statement holds the write lock only briefly.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDeleteOldExecutionsKey', '
DELETE FROM tg_executions
WHERE rowid IN (SELECT rowid FROM tg_executions WHERE ServiceId = @ServiceId AND updated_time < @Cutoff LIMIT @Chunk);
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDeleteOldAuditKey', '
DELETE FROM tg_audit
WHERE id IN (SELECT id FROM tg_audit WHERE ServiceId = @ServiceId AND created_time < @Cutoff LIMIT @Chunk);
');

-- The stored jobs of one collection, by id. Keys are ''db/collection/id'' and a segment never holds ''/'',
-- so the collection is the range [''db/collection/'', ''db/collection0''): the primary key''s order, and no
-- LIKE pattern for a key''s ''_'' to break.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridCollectionJobsKey', '
SELECT GrainIdExtensionString, PayloadBinary
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job''
  AND GrainIdExtensionString >= @Db || ''/'' || @Collection || ''/''
  AND GrainIdExtensionString < @Db || ''/'' || @Collection || ''0''
  AND PayloadBinary IS NOT NULL
ORDER BY GrainIdExtensionString;
');
