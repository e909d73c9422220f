-- Queue jobs (seed 002) are grain state rows of type 'queueitem' (JSON). Their shards index them in memory only, so
-- after a restart or a silo's death the queued ones are read back from here, and the taken and finished ones whose
-- visibility, job timeout, callback or expiry is due are woken from here when their timers were lost. Plain columns
-- kept by triggers in the very statement that writes the state (no expression index over the state: SQLite would
-- prepare every state write anew, see 0011).
CREATE TABLE IF NOT EXISTS tg_queue_items
(
    ServiceId TEXT    NOT NULL,
    item_id   TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    due_at    INTEGER NULL,
    PRIMARY KEY (ServiceId, item_id)
) WITHOUT ROWID;

CREATE INDEX IF NOT EXISTS IX_tg_queue_items_StatusDue ON tg_queue_items (ServiceId, status, due_at);

-- Both triggers write through this view, whose INSTEAD OF trigger holds the one body (as tg_job_write in 0011).
CREATE VIEW IF NOT EXISTS tg_queue_item_write AS
SELECT ServiceId, GrainIdExtensionString AS item_id, PayloadBinary AS payload FROM OrleansStorage WHERE 0;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_QueueItemInserted AFTER INSERT ON OrleansStorage WHEN NEW.GrainTypeString = 'queueitem'
BEGIN
    INSERT INTO tg_queue_item_write VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, NEW.PayloadBinary);
END;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_QueueItemUpdated AFTER UPDATE OF PayloadBinary ON OrleansStorage WHEN NEW.GrainTypeString = 'queueitem'
BEGIN
    INSERT INTO tg_queue_item_write VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, NEW.PayloadBinary);
END;

-- A deleted queue job (payload NULL) leaves the table.
CREATE TRIGGER IF NOT EXISTS TR_tg_queue_item_write INSTEAD OF INSERT ON tg_queue_item_write
BEGIN
    DELETE FROM tg_queue_items WHERE NEW.payload IS NULL AND ServiceId = NEW.ServiceId AND item_id = NEW.item_id;
    INSERT INTO tg_queue_items (ServiceId, item_id, status, due_at)
    SELECT NEW.ServiceId, NEW.item_id, state ->> '$.status', state ->> '$.dueAt'
    FROM (SELECT CAST(NEW.payload AS TEXT) AS state)
    WHERE state ->> '$.status' IS NOT NULL
    ON CONFLICT (ServiceId, item_id) DO UPDATE SET status = excluded.status, due_at = excluded.due_at;
END;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueuedItemsKey', '
SELECT item_id
FROM tg_queue_items INDEXED BY IX_tg_queue_items_StatusDue
WHERE ServiceId = @ServiceId AND status = ''queued'';
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueQueueItemsKey', '
SELECT item_id
FROM tg_queue_items INDEXED BY IX_tg_queue_items_StatusDue
WHERE ServiceId = @ServiceId AND status IN (''running'', ''done'', ''failed'', ''cancelled'') AND due_at <= @Until;
');
