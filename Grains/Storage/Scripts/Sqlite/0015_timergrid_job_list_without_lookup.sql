-- Nothing to change on SQLite: PostgreSQL's 0015 replaces a lookup its planner could answer from the wrong index;
-- SQLite's triggers (0011) find a job's list row by its primary key. The file keeps the numbers the same in both
-- folders.
SELECT 1;
