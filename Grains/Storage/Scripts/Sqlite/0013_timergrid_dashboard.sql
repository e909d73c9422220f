-- The dashboard's reads (issue 12), both over the per-collection counts of 0011 (a few rows per collection, never a
-- row per job): its links to every db and collection, and the pending and failed jobs of the
-- timergrid.jobs.pending and .failed gauges (read by each silo at most every few seconds, never on the firing path).
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridAllCollectionsKey', '
SELECT db, collection, SUM(n)
FROM tg_job_counts
WHERE ServiceId = @ServiceId
GROUP BY db, collection
HAVING SUM(n) > 0
ORDER BY db, collection
LIMIT @Limit;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridStatusCountsKey', '
SELECT status, SUM(n)
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND status IN (''scheduled'', ''failed'')
GROUP BY status;
');
