-- The table every Orleans ADO.NET provider reads its SQL from (SELECT QueryKey, QueryText FROM OrleansQuery).
-- Unquoted names: the providers' own SELECT is unquoted and folds to lower case.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
