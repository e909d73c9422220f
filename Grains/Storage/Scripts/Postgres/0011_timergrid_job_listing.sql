-- Listing and lookup by name. tg_job_list is a compact copy of what a listing filters and sorts on, one row per
-- stored job; tg_job_counts counts a collection's jobs per (route, status, enabled), so a count is a sum over a
-- few rows, never a COUNT(*) over a million. A trigger on OrleansStorage keeps both inside the very statement that
-- writes a job's state: the listing and GET by id cannot disagree after a crash, and every write path (create,
-- replace, firing, pause, delete, anything added later) maintains them. The unique name index refuses a write that
-- gives a job a name another job of its collection holds: the state write fails as a whole.
-- Ids compare byte by byte (COLLATE "C"), as the gateway's cursors and SQLite do; a key built from one is compared
-- with OrleansStorage's in that table's collation (COLLATE "default"), or its primary key could not serve the lookup.

-- A database migrated while an earlier listing was on main (script 0009, since withdrawn) holds its tables and
-- trigger: start from none of them.
DROP TRIGGER IF EXISTS TR_OrleansStorage_JobList ON OrleansStorage;
DROP TABLE IF EXISTS tg_job_counts;
DROP TABLE IF EXISTS tg_job_list;

CREATE TABLE IF NOT EXISTS tg_job_list
(
    ServiceId  varchar(150)             NOT NULL,
    db         varchar(128)             NOT NULL,
    collection varchar(128)             NOT NULL,
    id         varchar(128) COLLATE "C" NOT NULL,
    status     varchar(16)              NOT NULL,
    enabled    boolean                  NOT NULL,
    route      varchar(128)             NOT NULL,
    name       text                     NULL,
    name_owner varchar(128)             NOT NULL,  -- '' holds a name alone; a seed 003 job's name is a label shared by many: its owner is its id
    sort_time  bigint                   NOT NULL,  -- the next fire time; 9223372036854775807 when there is none (paused, finished): listed last
    PRIMARY KEY (ServiceId, db, collection, id)
);

-- The listing's order is (sort_time, id), so a page, an OFFSET and a cursor are ranges of these indexes. They carry every
-- column a listing filters on, so that pages, skips and counts can be index-only scans.
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Time ON tg_job_list (ServiceId, db, collection, sort_time, id) INCLUDE (status, route, enabled, name);
-- Most jobs are scheduled, and a listing of them reads the time index well: the status index holds only the others
-- (delivered, failed, completed), so creating a job costs no entry in it.
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Status ON tg_job_list (ServiceId, db, collection, status, sort_time, id) INCLUDE (route, enabled, name)
    WHERE status <> 'scheduled';
CREATE UNIQUE INDEX IF NOT EXISTS UX_tg_job_list_Name ON tg_job_list (ServiceId, db, collection, name, name_owner) WHERE name IS NOT NULL;

-- Striped by the job key's hash: concurrent writers of one collection rarely wait for each other's count row lock.
CREATE TABLE IF NOT EXISTS tg_job_counts
(
    ServiceId  varchar(150) NOT NULL,
    db         varchar(128) NOT NULL,
    collection varchar(128) NOT NULL,
    route      varchar(128) NOT NULL,
    status     varchar(16)  NOT NULL,
    enabled    boolean      NOT NULL,
    stripe     integer      NOT NULL,
    n          bigint       NOT NULL,
    PRIMARY KEY (ServiceId, db, collection, route, status, enabled, stripe)
);

-- Jobs stored before this script.
INSERT INTO tg_job_list (ServiceId, db, collection, id, status, enabled, route, name, name_owner, sort_time)
SELECT ServiceId, k[1], k[2], k[3], state ->> 'status', (state ->> 'enabled')::boolean, state ->> 'route', state ->> 'name',
       -- a name held twice before names were unique stays with both jobs, as shared labels
       CASE WHEN COALESCE((state ->> 'sharedName')::boolean, false)
              OR ROW_NUMBER() OVER (PARTITION BY ServiceId, k[1], k[2], state ->> 'name' ORDER BY k[3] COLLATE "C") > 1
            THEN k[3] ELSE '' END,
       COALESCE((state ->> 'dueAt')::bigint, 9223372036854775807)
FROM (SELECT ServiceId, string_to_array(GrainIdExtensionString, '/') AS k, tg_state_json(PayloadBinary) AS state
      FROM OrleansStorage WHERE GrainTypeString = 'job' AND PayloadBinary IS NOT NULL) stored
WHERE state ->> 'status' IS NOT NULL
ON CONFLICT (ServiceId, db, collection, id) DO NOTHING;

INSERT INTO tg_job_counts (ServiceId, db, collection, route, status, enabled, stripe, n)
SELECT l.ServiceId, l.db, l.collection, l.route, l.status, l.enabled, s.GrainIdHash & 15, COUNT(*)
FROM tg_job_list l
JOIN OrleansStorage s ON s.ServiceId = l.ServiceId AND s.GrainTypeString = 'job'
 AND s.GrainIdExtensionString = (l.db || '/' || l.collection || '/' || l.id) COLLATE "default"
GROUP BY l.ServiceId, l.db, l.collection, l.route, l.status, l.enabled, s.GrainIdHash & 15
ON CONFLICT (ServiceId, db, collection, route, status, enabled, stripe) DO UPDATE SET n = excluded.n;

CREATE OR REPLACE FUNCTION tg_job_list_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k      text[] := string_to_array(NEW.GrainIdExtensionString, '/');
    state  jsonb  := tg_state_json(NEW.PayloadBinary);   -- NULL for a deleted job
    was    tg_job_list%ROWTYPE;
    shared boolean;
BEGIN
    IF state ->> 'status' IS NULL THEN
        state := NULL;   -- a state without a status is listed as none, as SQLite's trigger does
    END IF;
    SELECT * INTO was FROM tg_job_list WHERE ServiceId = NEW.ServiceId AND db = k[1] AND collection = k[2] AND id = k[3];
    IF state IS NULL THEN
        DELETE FROM tg_job_list WHERE ServiceId = NEW.ServiceId AND db = k[1] AND collection = k[2] AND id = k[3];
    ELSE
        shared := COALESCE((state ->> 'sharedName')::boolean, false);
        -- A job keeps a name it holds (a name held twice from before this script stays shared until it changes).
        INSERT INTO tg_job_list AS l (ServiceId, db, collection, id, status, enabled, route, name, name_owner, sort_time)
        VALUES (NEW.ServiceId, k[1], k[2], k[3], state ->> 'status', (state ->> 'enabled')::boolean, state ->> 'route',
                state ->> 'name', CASE WHEN shared THEN k[3] ELSE '' END, COALESCE((state ->> 'dueAt')::bigint, 9223372036854775807))
        ON CONFLICT (ServiceId, db, collection, id) DO UPDATE SET
            status = excluded.status, enabled = excluded.enabled, route = excluded.route, sort_time = excluded.sort_time,
            name_owner = CASE WHEN l.name IS NOT DISTINCT FROM excluded.name THEN l.name_owner ELSE excluded.name_owner END,
            name = excluded.name
        WHERE (l.status, l.enabled, l.route, l.sort_time, l.name) IS DISTINCT FROM
              (excluded.status, excluded.enabled, excluded.route, excluded.sort_time, excluded.name);
    END IF;
    IF (was.route, was.status, was.enabled) IS DISTINCT FROM (state ->> 'route', state ->> 'status', (state ->> 'enabled')::boolean) THEN
        -- The job leaves one group and joins another; both count rows in one statement, in key order (no deadlock).
        INSERT INTO tg_job_counts AS c (ServiceId, db, collection, route, status, enabled, stripe, n)
        SELECT NEW.ServiceId, k[1], k[2], g.route, g.status, g.enabled, NEW.GrainIdHash & 15, g.delta
        FROM (VALUES (was.route, was.status, was.enabled, -1),
                     (state ->> 'route', state ->> 'status', (state ->> 'enabled')::boolean, 1)) AS g (route, status, enabled, delta)
        WHERE g.route IS NOT NULL
        ORDER BY g.route, g.status, g.enabled
        ON CONFLICT (ServiceId, db, collection, route, status, enabled, stripe) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS TR_OrleansStorage_JobList ON OrleansStorage;
CREATE TRIGGER TR_OrleansStorage_JobList AFTER INSERT OR UPDATE OF PayloadBinary ON OrleansStorage
    FOR EACH ROW WHEN (NEW.GrainTypeString = 'job') EXECUTE FUNCTION tg_job_list_sync();


-- A page of a collection's jobs in (sort_time, id) order: after the keyset (@AfterTime, @AfterId), up to @Until,
-- @Offset rows skipped. The statement is planned with its parameters, so a null filter folds away and a status other
-- than scheduled picks the status index. Only the page's rows fetch their state.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobPageKey', '
SELECT l.id, s.PayloadBinary
FROM (SELECT id, sort_time FROM tg_job_list
      WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection AND (@Status::text IS NULL OR status = @Status)
        AND (sort_time, id) > (@AfterTime, @AfterId) AND sort_time <= @Until
        AND (@Route::text IS NULL OR route = @Route) AND (@Enabled::boolean IS NULL OR enabled = @Enabled)
        AND (@Name::text IS NULL OR name = @Name)
      ORDER BY sort_time, id LIMIT @Limit OFFSET @Offset) l
JOIN OrleansStorage s ON s.ServiceId = @ServiceId AND s.GrainTypeString = ''job''
 AND s.GrainIdExtensionString = (@Db || ''/'' || @Collection || ''/'' || l.id) COLLATE "default"
ORDER BY l.sort_time, l.id;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- How many jobs match, from the counts: for filters on status, route and enabled only.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountKey', '
SELECT COALESCE(SUM(n), 0)::bigint
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection
  AND (@Status::text IS NULL OR status = @Status) AND (@Route::text IS NULL OR route = @Route)
  AND (@Enabled::boolean IS NULL OR enabled = @Enabled);
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- How many jobs match a name or a time range: counted in the index.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobCountInRangeKey', '
SELECT COUNT(*)
FROM tg_job_list
WHERE ServiceId = @ServiceId AND db = @Db AND collection = @Collection
  AND sort_time >= @From AND sort_time <= @Until
  AND (@Status::text IS NULL OR status = @Status) AND (@Route::text IS NULL OR route = @Route)
  AND (@Enabled::boolean IS NULL OR enabled = @Enabled) AND (@Name::text IS NULL OR name = @Name);
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridJobByNameKey', '
SELECT l.id, s.PayloadBinary
FROM tg_job_list l
JOIN OrleansStorage s ON s.ServiceId = @ServiceId AND s.GrainTypeString = ''job''
 AND s.GrainIdExtensionString = (@Db || ''/'' || @Collection || ''/'' || l.id) COLLATE "default"
WHERE l.ServiceId = @ServiceId AND l.db = @Db AND l.collection = @Collection AND l.name = @Name
ORDER BY l.sort_time, l.id
LIMIT 1;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridCollectionCountsKey', '
SELECT collection, SUM(n)::bigint
FROM tg_job_counts
WHERE ServiceId = @ServiceId AND db = @Db
GROUP BY collection
HAVING SUM(n) > 0
ORDER BY collection COLLATE "C";
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Routes of a db by id: keys are ''db/id'', a segment never holds ''/'', so the db is the range [''db/'', ''db0''),
-- compared byte by byte.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRoutePageKey', '
SELECT GrainIdExtensionString, PayloadBinary
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''route''
  AND GrainIdExtensionString COLLATE "C" > @Db || ''/'' || @AfterId AND GrainIdExtensionString COLLATE "C" < @Db || ''0''
  AND PayloadBinary IS NOT NULL
ORDER BY GrainIdExtensionString COLLATE "C"
LIMIT @Limit OFFSET @Offset;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRouteCountKey', '
SELECT COUNT(*)
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = ''route''
  AND GrainIdExtensionString COLLATE "C" > @Db || ''/'' AND GrainIdExtensionString COLLATE "C" < @Db || ''0''
  AND PayloadBinary IS NOT NULL;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Catch-up and the overdue sweep read the due time here too, instead of 0004's expression index over the state:
-- each state write then parses its JSON once (in the trigger), not twice.
DROP INDEX IF EXISTS IX_OrleansStorage_JobStatusDue;
DROP VIEW IF EXISTS tg_jobs;
CREATE INDEX IF NOT EXISTS IX_tg_job_list_Due ON tg_job_list (ServiceId, sort_time) WHERE sort_time < 9223372036854775807;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridDueJobsKey', '
SELECT db || ''/'' || collection || ''/'' || id
FROM tg_job_list
WHERE ServiceId = @ServiceId AND sort_time <= @Until AND sort_time < 9223372036854775807
  AND status IN (''scheduled'', ''delivered'', ''failed'', ''completed'')
ORDER BY sort_time;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
