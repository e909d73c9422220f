-- The dashboard's reads (issue 12), both over the per-collection counts of 0011 (a few rows per collection, never a
-- row per job): its links to every db and collection, and the pending and failed jobs of the
-- timergrid.jobs.pending and .failed gauges (read by each silo at most every few seconds, never on the firing path).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridAllCollectionsKey', '
SELECT db, collection, SUM(n)::bigint
FROM tg_job_counts
WHERE ServiceId = @ServiceId
GROUP BY db, collection
HAVING SUM(n) > 0
ORDER BY db COLLATE "C", collection COLLATE "C"
LIMIT @Limit;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridStatusCountsKey', '
SELECT status, SUM(n)::bigint
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND status IN (''scheduled'', ''failed'')
GROUP BY status;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
