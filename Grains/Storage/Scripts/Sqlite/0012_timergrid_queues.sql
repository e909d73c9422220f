-- Queue jobs (seed 002) are grain state rows of type 'queueitem' (JSON). Their shards index them in memory only,
-- so after a restart or a silo's death the queued ones are read back from here, and the running and finished ones
-- whose visibility, job timeout, callback or expiry is due are woken from here when their timers were lost.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage_QueueItemStatusDue ON OrleansStorage
(
    ServiceId,
    json_extract(CAST(PayloadBinary AS TEXT), '$.status'),
    json_extract(CAST(PayloadBinary AS TEXT), '$.dueAt')
)
WHERE GrainTypeString = 'queueitem';

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueuedItemsKey', '
SELECT GrainIdExtensionString
FROM OrleansStorage INDEXED BY IX_OrleansStorage_QueueItemStatusDue
WHERE ServiceId = @ServiceId AND GrainTypeString = ''queueitem''
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.status'') = ''queued'';
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueQueueItemsKey', '
SELECT GrainIdExtensionString
FROM OrleansStorage INDEXED BY IX_OrleansStorage_QueueItemStatusDue
WHERE ServiceId = @ServiceId AND GrainTypeString = ''queueitem''
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.status'') IN (''running'', ''done'', ''failed'', ''cancelled'')
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.dueAt'') <= @Until;
');
