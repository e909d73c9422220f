-- Nothing to change on SQLite: PostgreSQL's 0015 replaces a lookup its planner could answer from the wrong index, and
-- makes a state write one statement instead of two (a round trip each under Orleans' provider, a statement each in
-- the group commit's batch). SQLite's triggers (0011) find a job's list row by its primary key, and its state write
-- runs both statements in one prepared call. The file keeps the numbers the same in both folders.
SELECT 1;
