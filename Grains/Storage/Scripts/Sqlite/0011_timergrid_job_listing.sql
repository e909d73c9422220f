-- Listing and lookup by name. tg_job_list is a compact copy of what a listing filters and sorts on, one row per
-- stored job; tg_job_counts counts a collection's jobs per (route, status, enabled), so a count is a sum over a
-- few rows, never a COUNT(*) over a million. Triggers on OrleansStorage keep both inside the very statement that
-- writes a job's state: the listing and GET by id cannot disagree after a crash, and every write path (create,
-- replace, firing, pause, delete, anything added later) maintains them. The unique name index refuses a write that
-- gives a job a name another job of its collection holds: the state write fails as a whole.

-- A database migrated while an earlier listing was on main (script 0009, since withdrawn) holds its tables and
-- triggers: start from none of them.
DROP TRIGGER IF EXISTS TR_OrleansStorage_JobInserted;
DROP TRIGGER IF EXISTS TR_OrleansStorage_JobUpdated;
DROP VIEW IF EXISTS tg_job_write;
DROP TABLE IF EXISTS tg_job_counts;
DROP TABLE IF EXISTS tg_job_list;

CREATE TABLE IF NOT EXISTS tg_job_list
(
    ServiceId  TEXT    NOT NULL,
    db         TEXT    NOT NULL,
    collection TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    enabled    INTEGER NOT NULL,
    route      TEXT    NOT NULL,
    name       TEXT    NULL,
    name_owner TEXT    NOT NULL,  -- '' holds a name alone; a seed 003 job's name is a label shared by many: its owner is its id
    sort_time  INTEGER NOT NULL,  -- the next fire time; 9223372036854775807 when there is none (paused, finished): listed last
    PRIMARY KEY (ServiceId, db, collection, id)
) WITHOUT ROWID;

-- The listing's order is (sort_time, id), so a page, an OFFSET and a cursor are ranges of these indexes. They carry every
-- column a listing filters on: a page, a skip and a count read the index alone (a WITHOUT ROWID table would otherwise
-- be looked up for every row passed over).
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Time ON tg_job_list (ServiceId, db, collection, sort_time, id, status, route, enabled, name);
-- Most jobs are scheduled, and a listing of them reads the time index well: the status index holds only the others
-- (delivered, failed, completed), so creating a job costs no entry in it.
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Status ON tg_job_list (ServiceId, db, collection, status, sort_time, id, route, enabled, name)
    WHERE status <> 'scheduled';
CREATE UNIQUE INDEX IF NOT EXISTS UX_tg_job_list_Name ON tg_job_list (ServiceId, db, collection, name, name_owner) WHERE name IS NOT NULL;

CREATE TABLE IF NOT EXISTS tg_job_counts
(
    ServiceId  TEXT    NOT NULL,
    db         TEXT    NOT NULL,
    collection TEXT    NOT NULL,
    route      TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    enabled    INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, db, collection, route, status, enabled)
) WITHOUT ROWID;

-- Jobs stored before this script.
INSERT INTO tg_job_list (ServiceId, db, collection, id, status, enabled, route, name, name_owner, sort_time)
SELECT ServiceId, db, collection, id, status, enabled, route, name,
       -- a name held twice before names were unique stays with both jobs, as shared labels
       CASE WHEN shared OR ROW_NUMBER() OVER (PARTITION BY ServiceId, db, collection, name ORDER BY id) > 1 THEN id ELSE '' END,
       sort_time
FROM (SELECT ServiceId,
             substr(GrainIdExtensionString, 1, instr(GrainIdExtensionString, '/') - 1) AS db,
             substr(rest, 1, instr(rest, '/') - 1) AS collection,
             substr(rest, instr(rest, '/') + 1) AS id,
             state ->> '$.status' AS status, state ->> '$.enabled' AS enabled, state ->> '$.route' AS route,
             state ->> '$.name' AS name, COALESCE(state ->> '$.sharedName', 0) AS shared,
             COALESCE(state ->> '$.dueAt', 9223372036854775807) AS sort_time
      FROM (SELECT ServiceId, GrainIdExtensionString, CAST(PayloadBinary AS TEXT) AS state,
                   substr(GrainIdExtensionString, instr(GrainIdExtensionString, '/') + 1) AS rest
            FROM OrleansStorage WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL))
WHERE status IS NOT NULL
ON CONFLICT (ServiceId, db, collection, id) DO NOTHING;

INSERT INTO tg_job_counts (ServiceId, db, collection, route, status, enabled, n)
SELECT ServiceId, db, collection, route, status, enabled, COUNT(*) FROM tg_job_list WHERE true GROUP BY ServiceId, db, collection, route, status, enabled
ON CONFLICT (ServiceId, db, collection, route, status, enabled) DO UPDATE SET n = excluded.n;

-- Each write of a job's state goes to one place: an INSERT into this view, whose INSTEAD OF trigger splits the key
-- and reads the state's fields (SQLite triggers have no variables or shared bodies; a view's NEW row serves as both).
CREATE VIEW IF NOT EXISTS tg_job_write AS SELECT ServiceId, GrainIdExtensionString AS job_key, PayloadBinary AS payload FROM OrleansStorage WHERE 0;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_JobInserted AFTER INSERT ON OrleansStorage WHEN NEW.GrainTypeString = 'job'
BEGIN
    INSERT INTO tg_job_write VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, NEW.PayloadBinary);
END;

CREATE TRIGGER IF NOT EXISTS TR_OrleansStorage_JobUpdated AFTER UPDATE OF PayloadBinary ON OrleansStorage WHEN NEW.GrainTypeString = 'job'
BEGIN
    INSERT INTO tg_job_write VALUES (NEW.ServiceId, NEW.GrainIdExtensionString, NEW.PayloadBinary);
END;

-- A deleted job (payload NULL) leaves the list; a state without a status never enters it. A job keeps a name it holds
-- (a name held twice from before this script stays shared until it changes).
CREATE TRIGGER IF NOT EXISTS TR_tg_job_write INSTEAD OF INSERT ON tg_job_write
BEGIN
    DELETE FROM tg_job_list
    WHERE NEW.payload IS NULL AND ServiceId = NEW.ServiceId
      AND db = substr(NEW.job_key, 1, instr(NEW.job_key, '/') - 1)
      AND collection = substr(NEW.job_key, instr(NEW.job_key, '/') + 1, instr(substr(NEW.job_key, instr(NEW.job_key, '/') + 1), '/') - 1)
      AND id = substr(substr(NEW.job_key, instr(NEW.job_key, '/') + 1), instr(substr(NEW.job_key, instr(NEW.job_key, '/') + 1), '/') + 1);
    INSERT INTO tg_job_list (ServiceId, db, collection, id, status, enabled, route, name, name_owner, sort_time)
    SELECT NEW.ServiceId, substr(NEW.job_key, 1, instr(NEW.job_key, '/') - 1), substr(rest, 1, instr(rest, '/') - 1),
           substr(rest, instr(rest, '/') + 1), state ->> '$.status', state ->> '$.enabled', state ->> '$.route', state ->> '$.name',
           CASE WHEN state ->> '$.sharedName' THEN substr(rest, instr(rest, '/') + 1) ELSE '' END,
           COALESCE(state ->> '$.dueAt', 9223372036854775807)
    FROM (SELECT CAST(NEW.payload AS TEXT) AS state, substr(NEW.job_key, instr(NEW.job_key, '/') + 1) AS rest)
    WHERE state ->> '$.status' IS NOT NULL
    ON CONFLICT (ServiceId, db, collection, id) DO UPDATE SET
        status = excluded.status, enabled = excluded.enabled, route = excluded.route, sort_time = excluded.sort_time,
        name_owner = CASE WHEN name IS excluded.name THEN name_owner ELSE excluded.name_owner END, name = excluded.name
    WHERE (status, enabled, route, sort_time, name) IS NOT (excluded.status, excluded.enabled, excluded.route, excluded.sort_time, excluded.name);
END;

-- The counts follow the list's rows: a job counts in its (route, status, enabled) group while it is listed.
CREATE TRIGGER IF NOT EXISTS TR_tg_job_list_Inserted AFTER INSERT ON tg_job_list
BEGIN
    INSERT INTO tg_job_counts VALUES (NEW.ServiceId, NEW.db, NEW.collection, NEW.route, NEW.status, NEW.enabled, 1)
    ON CONFLICT (ServiceId, db, collection, route, status, enabled) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS TR_tg_job_list_Moved AFTER UPDATE OF route, status, enabled ON tg_job_list
WHEN (OLD.route, OLD.status, OLD.enabled) IS NOT (NEW.route, NEW.status, NEW.enabled)
BEGIN
    UPDATE tg_job_counts SET n = n - 1
    WHERE (ServiceId, db, collection, route, status, enabled) = (OLD.ServiceId, OLD.db, OLD.collection, OLD.route, OLD.status, OLD.enabled);
    INSERT INTO tg_job_counts VALUES (NEW.ServiceId, NEW.db, NEW.collection, NEW.route, NEW.status, NEW.enabled, 1)
    ON CONFLICT (ServiceId, db, collection, route, status, enabled) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS TR_tg_job_list_Deleted AFTER DELETE ON tg_job_list
BEGIN
    UPDATE tg_job_counts SET n = n - 1
    WHERE (ServiceId, db, collection, route, status, enabled) = (OLD.ServiceId, OLD.db, OLD.collection, OLD.route, OLD.status, OLD.enabled);
END;

-- A page of a collection's jobs in (sort_time, id) order: after the keyset (@AfterTime, @AfterId), up to @Until,
-- @Offset rows skipped. A status other than scheduled is served by the status index, anything else by the time index:
-- SQLite plans before it sees the parameters, so each is a branch whose constant first term switches it off; the merge
-- reads both in order. The branches read their index alone; only the page's rows fetch their state.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobPageKey', '
SELECT l.id, s.PayloadBinary
FROM (SELECT id, sort_time FROM tg_job_list INDEXED BY IX_tg_job_list_Status
      WHERE @Status <> ''scheduled'' AND ServiceId = @ServiceId AND db = @Db AND collection = @Collection
        AND status = @Status AND status <> ''scheduled''
        AND (sort_time, id) > (@AfterTime, @AfterId) AND sort_time <= @Until
        AND (@Route IS NULL OR route = @Route) AND (@Enabled IS NULL OR enabled = @Enabled) AND (@Name IS NULL OR name = @Name)
      UNION ALL
      SELECT id, sort_time FROM tg_job_list INDEXED BY IX_tg_job_list_Time
      WHERE (@Status IS NULL OR @Status = ''scheduled'') AND ServiceId = @ServiceId AND db = @Db AND collection = @Collection
        AND (sort_time, id) > (@AfterTime, @AfterId) AND sort_time <= @Until AND (@Status IS NULL OR status = @Status)
        AND (@Route IS NULL OR route = @Route) AND (@Enabled IS NULL OR enabled = @Enabled) AND (@Name IS NULL OR name = @Name)
      ORDER BY sort_time, id LIMIT @Limit OFFSET @Offset) l
JOIN OrleansStorage s ON s.ServiceId = @ServiceId AND s.GrainTypeString = ''job''
 AND s.GrainIdExtensionString = @Db || ''/'' || @Collection || ''/'' || l.id
ORDER BY l.sort_time, l.id;
');

-- How many jobs match, from the counts: for filters on status, route and enabled only.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountKey', '
SELECT COALESCE(SUM(n), 0)
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection
  AND (@Status IS NULL OR status = @Status) AND (@Route IS NULL OR route = @Route) AND (@Enabled IS NULL OR enabled = @Enabled);
');

-- How many jobs match a name or a time range: counted in the index.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountInRangeKey', '
SELECT COUNT(*)
FROM tg_job_list INDEXED BY IX_tg_job_list_Time
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection
  AND sort_time >= @From AND sort_time <= @Until
  AND (@Status IS NULL OR status = @Status) AND (@Route IS NULL OR route = @Route)
  AND (@Enabled IS NULL OR enabled = @Enabled) AND (@Name IS NULL OR name = @Name);
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobByNameKey', '
SELECT l.id, s.PayloadBinary
FROM tg_job_list l INDEXED BY UX_tg_job_list_Name
JOIN OrleansStorage s ON s.ServiceId = @ServiceId AND s.GrainTypeString = ''job''
 AND s.GrainIdExtensionString = @Db || ''/'' || @Collection || ''/'' || l.id
WHERE l.ServiceId = @ServiceId AND l.db = @Db AND l.collection = @Collection AND l.name = @Name
ORDER BY l.sort_time, l.id
LIMIT 1;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridCollectionCountsKey', '
SELECT collection, SUM(n)
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND db = @Db
GROUP BY collection
HAVING SUM(n) > 0
ORDER BY collection;
');

-- Routes of a db by id: keys are ''db/id'', a segment never holds ''/'', so the db is the range [''db/'', ''db0'').
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRoutePageKey', '
SELECT GrainIdExtensionString, PayloadBinary
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''route''
  AND GrainIdExtensionString > @Db || ''/'' || @AfterId AND GrainIdExtensionString < @Db || ''0''
  AND PayloadBinary IS NOT NULL
ORDER BY GrainIdExtensionString
LIMIT @Limit OFFSET @Offset;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRouteCountKey', '
SELECT COUNT(*)
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''route''
  AND GrainIdExtensionString > @Db || ''/'' AND GrainIdExtensionString < @Db || ''0''
  AND PayloadBinary IS NOT NULL;
');

-- Catch-up and the overdue sweep read the due time here too. 0004 indexed it as an expression over the state, and
-- SQLite re-prepares an UPDATE that sets a column an expression index reads each time it is run with new values:
-- every state write paid a full prepare (with this script's triggers, 0.3 ms). Plain columns cost no prepare.
DROP INDEX IF EXISTS IX_OrleansStorage_JobStatusDue;
DROP VIEW IF EXISTS tg_jobs;
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Due ON tg_job_list (ServiceId, sort_time) WHERE sort_time < 9223372036854775807;

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueJobsKey', '
SELECT db || ''/'' || collection || ''/'' || id
FROM tg_job_list INDEXED BY IX_tg_job_list_Due
WHERE ServiceId = @ServiceId AND sort_time <= @Until AND sort_time < 9223372036854775807
  AND status IN (''scheduled'', ''delivered'', ''failed'', ''completed'')
ORDER BY sort_time;
');
