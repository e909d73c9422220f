-- Queue jobs (seed 002) are grain state rows of type 'queueitem' (JSON). Their shards index them in memory only,
-- so after a restart or a silo's death the queued ones are read back from here, and the running and finished ones
-- whose visibility, job timeout, callback or expiry is due are woken from here when their timers were lost.
-- tg_state_json comes from 0004.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage_QueueItemStatusDue ON OrleansStorage
(
    ServiceId,
    (tg_state_json(PayloadBinary) ->> 'status'),
    ((tg_state_json(PayloadBinary) ->> 'dueAt')::bigint)
)
WHERE GrainTypeString = 'queueitem';

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueuedItemsKey', '
SELECT GrainIdExtensionString
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''queueitem''
  AND (tg_state_json(PayloadBinary) ->> ''status'') = ''queued'';
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueQueueItemsKey', '
SELECT GrainIdExtensionString
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''queueitem''
  AND (tg_state_json(PayloadBinary) ->> ''status'') IN (''running'', ''done'', ''failed'', ''cancelled'')
  AND ((tg_state_json(PayloadBinary) ->> ''dueAt'')::bigint) <= @Until;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
