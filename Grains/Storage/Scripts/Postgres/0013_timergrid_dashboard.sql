-- The dashboard's reads over the job state rows (issue 12).
--
-- Its db and collection links: one row per collection holding a stored job. A skip scan over the primary key's
-- (ServiceId, GrainTypeString, GrainIdExtensionString) prefix: each step jumps from 'db/collection/' past its last
-- job ('db/collection0', as '0' follows '/'; compared byte by byte, COLLATE "C", as in 0007).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridCollectionsKey', '
WITH RECURSIVE collections(prefix) AS (
    SELECT (SELECT substr(k, 1, strpos(k, ''/'') + strpos(substr(k, strpos(k, ''/'') + 1), ''/''))
            FROM (SELECT MIN(GrainIdExtensionString COLLATE "C") AS k FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND PayloadBinary IS NOT NULL) first_key)
    UNION ALL
    SELECT (SELECT substr(k, 1, strpos(k, ''/'') + strpos(substr(k, strpos(k, ''/'') + 1), ''/''))
            FROM (SELECT MIN(GrainIdExtensionString COLLATE "C") AS k FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND PayloadBinary IS NOT NULL
                    AND GrainIdExtensionString COLLATE "C" >= substr(prefix, 1, length(prefix) - 1) || ''0'') next_key)
    FROM collections
    WHERE prefix IS NOT NULL
)
SELECT prefix FROM collections WHERE prefix IS NOT NULL LIMIT @Limit;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Pending and failed jobs for the timergrid.jobs.pending and .failed gauges: a count over the status index of 0004,
-- read at most every few seconds by each silo, never on the firing path.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountsKey', '
SELECT tg_state_json(PayloadBinary) ->> ''status'', COUNT(*)
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job''
  AND (tg_state_json(PayloadBinary) ->> ''status'') IN (''scheduled'', ''failed'')
GROUP BY 1;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
