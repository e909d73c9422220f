-- Jobs by db/collection/status/time, for listings that grain state blobs cannot answer.
-- Job state is JSON, so SQLite indexes fields of it directly: the index is updated by the very
-- statement that writes the state, and the two cannot disagree after a crash.
--   by collection: the primary key's (ServiceId, GrainTypeString, GrainIdExtensionString) prefix,
--                  as the key is 'db/collection/id'
--   by status and due time: the expression index below
CREATE INDEX IF NOT EXISTS IX_OrleansStorage_JobStatusDue ON OrleansStorage
(
    ServiceId,
    json_extract(CAST(PayloadBinary AS TEXT), '$.status'),
    json_extract(CAST(PayloadBinary AS TEXT), '$.dueAt')
)
WHERE GrainTypeString = 'job';

CREATE VIEW IF NOT EXISTS tg_jobs AS
SELECT ServiceId AS service_id,
       GrainIdExtensionString AS job_key,
       json_extract(CAST(PayloadBinary AS TEXT), '$.status') AS status,
       json_extract(CAST(PayloadBinary AS TEXT), '$.dueAt') AS due_at,
       PayloadBinary AS payload
FROM OrleansStorage
WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL;
