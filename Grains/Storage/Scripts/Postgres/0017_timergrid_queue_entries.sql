-- A queued job's place in its queue (db, queue, priority, availability, arrival) beside its status, so that after a
-- restart the queued jobs go back into their shards straight from this table, without activating each job's grain.
-- Kept by 0012's trigger function, which now reads these fields too.
ALTER TABLE tg_queue_items
    ADD COLUMN IF NOT EXISTS db           text   NULL,
    ADD COLUMN IF NOT EXISTS queue        text   NULL,
    ADD COLUMN IF NOT EXISTS priority     int    NULL,
    ADD COLUMN IF NOT EXISTS available_at bigint NULL,
    ADD COLUMN IF NOT EXISTS arrival      bigint NULL;

UPDATE tg_queue_items i
SET db = state ->> 'db', queue = state ->> 'queue', priority = (state ->> 'priority')::int,
    available_at = (state ->> 'availableAt')::bigint, arrival = (state ->> 'arrival')::bigint
FROM (SELECT ServiceId, GrainIdExtensionString, tg_state_json(PayloadBinary) AS state
      FROM OrleansStorage WHERE GrainTypeString = 'queueitem' AND PayloadBinary IS NOT NULL) s
WHERE s.ServiceId = i.ServiceId AND s.GrainIdExtensionString = i.item_id;

CREATE OR REPLACE FUNCTION tg_queue_item_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    state jsonb := tg_state_json(NEW.PayloadBinary);
BEGIN
    IF state ->> 'status' IS NULL THEN
        DELETE FROM tg_queue_items WHERE ServiceId = NEW.ServiceId AND item_id = NEW.GrainIdExtensionString;
    ELSE
        INSERT INTO tg_queue_items (ServiceId, item_id, status, due_at, db, queue, priority, available_at, arrival)
        VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, state ->> 'status', (state ->> 'dueAt')::bigint,
                state ->> 'db', state ->> 'queue', (state ->> 'priority')::int, (state ->> 'availableAt')::bigint, (state ->> 'arrival')::bigint)
        ON CONFLICT (ServiceId, item_id) DO UPDATE SET
            status = excluded.status, due_at = excluded.due_at, db = excluded.db, queue = excluded.queue,
            priority = excluded.priority, available_at = excluded.available_at, arrival = excluded.arrival;
    END IF;
    RETURN NULL;
END $$;

-- A page of them in key order after @AfterId, along the primary key, so a first take need not wait for a whole backlog.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueuedEntriesKey', '
SELECT item_id, db, queue, priority, available_at, arrival
FROM tg_queue_items
WHERE ServiceId = @ServiceId AND item_id > @AfterId AND status = ''queued''
ORDER BY item_id
LIMIT @Limit;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
