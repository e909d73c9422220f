-- Reminders. GrainHash is the signed 32-bit uniform hash Orleans partitions the ring by;
-- StartTime is TEXT 'yyyy-MM-dd HH:mm:ss.FFFFFFF' UTC (how Microsoft.Data.Sqlite binds DateTime);
-- Period is milliseconds.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);
CREATE INDEX IF NOT EXISTS IX_OrleansReminders_Hash ON OrleansRemindersTable (ServiceId, GrainHash);
CREATE INDEX IF NOT EXISTS IX_OrleansReminders_Due ON OrleansRemindersTable (ServiceId, StartTime, GrainHash);

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('UpsertReminderRowKey', '
INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash, Version = Version + 1
RETURNING Version;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowsKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadReminderRowKey', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName;
');

-- The reminder service re-reads its whole ring range at start and every refresh, but keeps only
-- reminders due within its loading window (10 min). Returning only rows whose first tick is at most
-- 30 min away (window + refresh period + clock margin) makes that cost scale with jobs due soon,
-- not with every pending job. A row left out counts as deleted, so the margin must stay above the window.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows1Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable INDEXED BY IX_OrleansReminders_Due
WHERE ServiceId = @ServiceId
  AND StartTime <= strftime(''%Y-%m-%d %H:%M:%f'', ''now'', ''+30 minutes'')
  AND GrainHash > @BeginHash AND GrainHash <= @EndHash;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadRangeRows2Key', '
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable INDEXED BY IX_OrleansReminders_Due
WHERE ServiceId = @ServiceId
  AND StartTime <= strftime(''%Y-%m-%d %H:%M:%f'', ''now'', ''+30 minutes'')
  AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
');

-- Orleans reads exactly one single-column row: 1 deleted, 0 not found or stale version.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowKey', '
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId AND GrainId = @GrainId AND ReminderName = @ReminderName AND Version = @Version;
SELECT changes();
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteReminderRowsKey', '
DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;
');
