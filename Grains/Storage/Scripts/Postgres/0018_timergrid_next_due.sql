-- The test kit (TimerGrid.Testing) moves its clock from one due time to the next: the earliest due time of any job
-- after @After and at or before @Until, from the same column and index the overdue sweep reads (0011).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridNextDueKey', '
SELECT MIN(sort_time)
FROM tg_job_list
WHERE ServiceId = @ServiceId AND sort_time > @After AND sort_time <= @Until AND sort_time < 9223372036854775807
  AND status IN (''scheduled'', ''delivered'', ''failed'', ''completed'');
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
