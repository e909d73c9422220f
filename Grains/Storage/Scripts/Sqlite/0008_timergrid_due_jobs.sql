-- Catch-up and the overdue sweep read the job state itself, not the reminders: a job due within a
-- minute keeps its activation and an exact timer and registers no reminder, so after a crash only its
-- state row knows it is due (a run-now of a finished job too, hence every status). The expression
-- index of 0004 serves it: one range on the due time per status.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueJobsKey', '
SELECT GrainIdExtensionString
FROM OrleansStorage INDEXED BY IX_OrleansStorage_JobStatusDue
WHERE ServiceId = @ServiceId AND GrainTypeString = ''job''
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.status'') IN (''scheduled'', ''delivered'', ''failed'', ''completed'')
  AND json_extract(CAST(PayloadBinary AS TEXT), ''$.dueAt'') <= @Until
ORDER BY json_extract(CAST(PayloadBinary AS TEXT), ''$.dueAt'');
');
