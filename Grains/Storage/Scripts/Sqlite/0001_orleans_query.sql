-- The table every Orleans ADO.NET provider reads its SQL from (SELECT QueryKey, QueryText FROM OrleansQuery).
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
