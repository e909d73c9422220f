-- The dashboard's reads over the job state rows (issue 12).
--
-- Its db and collection links: one row per collection holding a stored job. A skip scan over the primary key's
-- (ServiceId, GrainTypeString, GrainIdExtensionString) prefix: each step jumps from 'db/collection/' past its last
-- job ('db/collection0', as '0' follows '/'), so it costs one index seek per collection, not one per job.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridCollectionsKey', '
WITH RECURSIVE collections(prefix) AS (
    SELECT (SELECT substr(k, 1, instr(k, ''/'') + instr(substr(k, instr(k, ''/'') + 1), ''/''))
            FROM (SELECT MIN(GrainIdExtensionString) AS k FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND PayloadBinary IS NOT NULL))
    UNION ALL
    SELECT (SELECT substr(k, 1, instr(k, ''/'') + instr(substr(k, instr(k, ''/'') + 1), ''/''))
            FROM (SELECT MIN(GrainIdExtensionString) AS k FROM OrleansStorage
                  WHERE ServiceId = @ServiceId AND GrainTypeString = ''job'' AND PayloadBinary IS NOT NULL
                    AND GrainIdExtensionString >= substr(prefix, 1, length(prefix) - 1) || ''0''))
    FROM collections
    WHERE prefix IS NOT NULL
    LIMIT @Limit
)
SELECT prefix FROM collections WHERE prefix IS NOT NULL;
');

-- Pending and failed jobs for the timergrid.jobs.pending and .failed gauges: a count over the status index of 0004,
-- read at most every few seconds by each silo, never on the firing path.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountsKey', '
SELECT json_extract(CAST(PayloadBinary AS TEXT), ''$.status''), COUNT(*)
FROM OrleansStorage INDEXED BY IX_OrleansStorage_JobStatusDue
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job''
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.status'') IN (''scheduled'', ''failed'')
GROUP BY 1;
');
