-- TimerGrid's own queries, kept beside Orleans' so each dialect holds all of its SQL.

-- Catch-up (start-up, and after a silo dies): job reminders whose first tick has passed. Orleans
-- never replays a missed tick and would only fire these a reminder period later.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueReminderGrainsKey', '
SELECT GrainId
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND StartTime <= @Until AND GrainId LIKE ''job/%''
ORDER BY StartTime;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
