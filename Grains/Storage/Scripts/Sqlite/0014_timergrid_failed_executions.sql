-- A db's failed executions (issue 12's dashboard and GET /executions/{db}?failed=true), read from an index of the
-- failed ones alone: few among many, so neither a scan of the db's executions nor an entry per execution written.
-- The upsert of 0007 sets state: a partial index over it must not make SQLite prepare the upsert again on every
-- run (as the expression index of 0004 did, see 0011); SqliteDialectTests checks.
CREATE INDEX IF NOT EXISTS IX_tg_executions_Failed ON tg_executions (ServiceId, db, scheduled_time DESC, execution_id DESC)
WHERE state = 'failed';

-- Newest first, paged as TimerGridExecutionsOfDbKey; the literal state = ''failed'' lets the planner take the index.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridFailedExecutionsKey', '
SELECT execution_id, db, collection, job_id, scheduled_time, fired_time, finished_time,
       attempt, state, http_status, latency_ms, error, result, updated_time
FROM tg_executions INDEXED BY IX_tg_executions_Failed
WHERE ServiceId = @ServiceId AND db = @Db AND state = ''failed''
  AND (@Collection IS NULL OR collection = @Collection)
  AND (@JobId IS NULL OR job_id = @JobId)
  AND scheduled_time >= @From AND scheduled_time < @To
  AND (scheduled_time, execution_id) < (@BeforeTime, @BeforeId)
ORDER BY scheduled_time DESC, execution_id DESC
LIMIT @Limit;
');
