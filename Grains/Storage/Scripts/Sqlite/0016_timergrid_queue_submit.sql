-- A seed-002 job due at once enters its queue in one write: its native job (already delivered into the queue) and its
-- queue job, two grain state rows of one statement, so the listing, GET by id and the queue agree after any crash. The
-- triggers of 0011 and 0012 index both rows in the same statement. A row already there fails the write (fresh uuids).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridQueueSubmitKey', '
INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
VALUES (@ServiceId, @JobType, 0, 0, @JobKey, @JobIdHash, @JobTypeHash, @JobPayload, 1, strftime(''%Y-%m-%d %H:%M:%f'', ''now'')),
       (@ServiceId, @ItemType, 0, 0, @ItemKey, @ItemIdHash, @ItemTypeHash, @ItemPayload, 1, strftime(''%Y-%m-%d %H:%M:%f'', ''now''))
RETURNING Version;
');
