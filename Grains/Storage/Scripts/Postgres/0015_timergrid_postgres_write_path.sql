-- The job-list trigger of 0011 looked up a job's list row before writing it. The lookup names the whole primary key,
-- but the time index (ServiceId, db, collection, sort_time, id) holds the same columns, and while a collection is
-- young (no statistics yet, a new collection of a fast-growing table) the planner costs both alike and may take the
-- time index: every write then scans the whole collection, and creating jobs grows quadratic (1.4 ms a write at
-- 20,000 jobs). The trigger needs no lookup: what the list row held is a function of the state being replaced, which
-- an UPDATE has in OLD (an INSERT replaces none). The rare delete names the row's sort time too, so either index
-- finds it at once.
-- Counts are striped by the writing connection (its backend pid) instead of by the job: a silo's group commit holds
-- the count rows it changed until its batch commits, and two silos' batches that changed the same rows in another
-- order waited for each other, or deadlocked for a second (2 silos fired 0 jobs/s in the capacity bench). One
-- connection runs one transaction at a time, so no two transactions ever change the same stripe. The stripes of
-- connections that are gone fold into stripe 0 (TimerGridFoldJobCountsKey), so a count stays a sum over few rows.
CREATE OR REPLACE FUNCTION tg_job_list_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    k      text[] := string_to_array(NEW.GrainIdExtensionString, '/');
    state  jsonb  := tg_state_json(NEW.PayloadBinary);   -- NULL for a deleted job
    was    jsonb;                                        -- the state replaced, NULL when it was not listed
    shared boolean;
BEGIN
    IF state ->> 'status' IS NULL THEN
        state := NULL;   -- a state without a status is listed as none, as SQLite's trigger does
    END IF;
    IF TG_OP = 'UPDATE' THEN
        was := tg_state_json(OLD.PayloadBinary);
        IF was ->> 'status' IS NULL THEN
            was := NULL;
        END IF;
    END IF;
    IF state IS NULL THEN
        IF was IS NOT NULL THEN
            DELETE FROM tg_job_list
            WHERE ServiceId = NEW.ServiceId AND db = k[1] AND collection = k[2] AND id = k[3]
              AND sort_time = COALESCE((was ->> 'dueAt')::bigint, 9223372036854775807);
        END IF;
    ELSE
        shared := COALESCE((state ->> 'sharedName')::boolean, false);
        -- A job keeps a name it holds (a name held twice from before 0011 stays shared until it changes).
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
    IF (was ->> 'route', was ->> 'status', (was ->> 'enabled')::boolean) IS DISTINCT FROM
       (state ->> 'route', state ->> 'status', (state ->> 'enabled')::boolean) THEN
        -- The job leaves one group and joins another, in this connection's stripe.
        INSERT INTO tg_job_counts AS c (ServiceId, db, collection, route, status, enabled, stripe, n)
        SELECT NEW.ServiceId, k[1], k[2], g.route, g.status, g.enabled, pg_backend_pid(), g.delta
        FROM (VALUES (was ->> 'route', was ->> 'status', (was ->> 'enabled')::boolean, -1),
                     (state ->> 'route', state ->> 'status', (state ->> 'enabled')::boolean, 1)) AS g (route, status, enabled, delta)
        WHERE g.route IS NOT NULL
        ORDER BY g.route, g.status, g.enabled
        ON CONFLICT (ServiceId, db, collection, route, status, enabled, stripe) DO UPDATE SET n = c.n + excluded.n;
    END IF;
    RETURN NULL;
END $$;

-- A state write in one statement (0002's update, or else insert, was two): insert the first version, or update the
-- row when the writer holds its current version. Nothing comes back when another writer won (a stale version, or a
-- racing first insert), as before. Rows are never deleted (a clear keeps the row and its version), so a writer that
-- holds a version always finds its row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage AS s
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
VALUES (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @GrainIdHash, @GrainTypeHash,
        @PayloadBinary, 1, now())
ON CONFLICT (ServiceId, GrainTypeString, GrainIdExtensionString, GrainIdN0, GrainIdN1) DO UPDATE
SET PayloadBinary = excluded.PayloadBinary, Version = s.Version + 1, ModifiedOn = excluded.ModifiedOn
WHERE s.Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Folds the count stripes of connections that are gone into stripe 0, each group's rows into one, in one statement.
-- A live connection's stripe is left alone: its transaction may hold it. Every silo folds now and then; two folds at
-- once may wait for each other, or one fails and runs again at its next turn.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridFoldJobCountsKey', '
WITH gone AS (
    DELETE FROM tg_job_counts c
    WHERE c.ServiceId = @ServiceId AND c.stripe <> 0
      AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = c.stripe)
    RETURNING c.ServiceId, c.db, c.collection, c.route, c.status, c.enabled, c.n)
INSERT INTO tg_job_counts AS c (ServiceId, db, collection, route, status, enabled, stripe, n)
SELECT ServiceId, db, collection, route, status, enabled, 0, SUM(n)
FROM gone
GROUP BY ServiceId, db, collection, route, status, enabled
ORDER BY db, collection, route, status, enabled
ON CONFLICT (ServiceId, db, collection, route, status, enabled, stripe) DO UPDATE SET n = c.n + excluded.n;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
