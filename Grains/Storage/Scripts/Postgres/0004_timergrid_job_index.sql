-- Jobs by db/collection/status/time, for listings that grain state blobs cannot answer.
-- Job state is UTF-8 JSON; the expression index reads fields of it, and is updated by the very
-- statement that writes the state, so the two cannot disagree after a crash.
--   by collection: the primary key's (ServiceId, GrainTypeString, GrainIdExtensionString) prefix,
--                  as the key is 'db/collection/id'
--   by status and due time: the expression index below

-- convert_from is only STABLE (it consults the encoding catalog); the payload is always UTF-8, so
-- this wrapper is truly immutable and can be indexed.
CREATE OR REPLACE FUNCTION tg_state_json(payload bytea) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT convert_from(payload, 'UTF8')::jsonb $$;

CREATE INDEX IF NOT EXISTS IX_OrleansStorage_JobStatusDue ON OrleansStorage
(
    ServiceId,
    (tg_state_json(PayloadBinary) ->> 'status'),
    ((tg_state_json(PayloadBinary) ->> 'dueAt')::bigint)
)
WHERE GrainTypeString = 'job';

CREATE OR REPLACE VIEW tg_jobs AS
SELECT ServiceId AS service_id,
       GrainIdExtensionString AS job_key,
       tg_state_json(PayloadBinary) ->> 'status' AS status,
       (tg_state_json(PayloadBinary) ->> 'dueAt')::bigint AS due_at,
       PayloadBinary AS payload
FROM OrleansStorage
WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL;
