-- TimerGrid's own queries, kept beside Orleans' so each dialect holds all of its SQL.

-- Start-up catch-up: job reminders whose first tick has passed. Orleans never replays a missed tick
-- and would only fire these a reminder period after start; the catch-up wakes them at once.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueReminderGrainsKey', '
SELECT GrainId
FROM OrleansRemindersTable INDEXED BY IX_OrleansReminders_Due
WHERE ServiceId = @ServiceId AND StartTime <= @Until AND GrainId LIKE ''job/%''
ORDER BY StartTime;
');
