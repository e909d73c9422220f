-- Queue jobs (seed 002) are grain state rows of type 'queueitem' (JSON). Their shards index them in memory only, so
-- after a restart or a silo's death the queued ones are read back from here, and the taken and finished ones whose
-- visibility, job timeout, callback or expiry is due are woken from here when their timers were lost. Plain columns
-- kept by a trigger in the very statement that writes the state, as the listing of 0011 is. tg_state_json is 0004's.
CREATE TABLE IF NOT EXISTS tg_queue_items
(
    ServiceId text   NOT NULL,
    item_id   text   NOT NULL,
    status    text   NOT NULL,
    due_at    bigint NULL,
    PRIMARY KEY (ServiceId, item_id)
);

CREATE INDEX IF NOT EXISTS IX_tg_queue_items_StatusDue ON tg_queue_items (ServiceId, status, due_at);

-- A deleted queue job (payload NULL) leaves the table.
CREATE OR REPLACE FUNCTION tg_queue_item_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state jsonb := tg_state_json(NEW.PayloadBinary);
BEGIN
    IF state ->> 'status' IS NULL THEN
        DELETE FROM tg_queue_items WHERE ServiceId = NEW.ServiceId AND item_id = NEW.GrainIdExtensionString;
    ELSE
        INSERT INTO tg_queue_items (ServiceId, item_id, status, due_at)
        VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, state ->> 'status', (state ->> 'dueAt')::bigint)
        ON CONFLICT (ServiceId, item_id) DO UPDATE SET status = excluded.status, due_at = excluded.due_at;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS TR_OrleansStorage_QueueItems ON OrleansStorage;
CREATE TRIGGER TR_OrleansStorage_QueueItems AFTER INSERT OR UPDATE OF PayloadBinary ON OrleansStorage
    FOR EACH ROW WHEN (NEW.GrainTypeString = 'queueitem') EXECUTE FUNCTION tg_queue_item_sync();

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueuedItemsKey', '
SELECT item_id
FROM tg_queue_items
WHERE ServiceId = @ServiceId AND status = ''queued'';
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueQueueItemsKey', '
SELECT item_id
FROM tg_queue_items
WHERE ServiceId = @ServiceId AND status IN (''running'', ''done'', ''failed'', ''cancelled'') AND due_at <= @Until;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
