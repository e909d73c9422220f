-- Grain state. GrainTypeString is the state name ([PersistentState("job")]); a string grain key
-- arrives whole in GrainIdExtensionString (N0 = N1 = 0). The primary key makes two racing
-- first writes impossible: the loser inserts nothing and Orleans reports the conflict.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainIdExtensionString TEXT    NOT NULL,  -- '' when the key has none
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    PayloadBinary          BLOB    NULL,      -- NULL after a clear: the record does not exist
    Version                INTEGER NOT NULL,
    ModifiedOn             TEXT    NOT NULL,
    PRIMARY KEY (ServiceId, GrainTypeString, GrainIdExtensionString, GrainIdN0, GrainIdN1)
);

-- Read: the payload and its version (the ETag); no row means never written.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1;
');

-- Write: update when the caller holds the current version, insert when it holds none.
-- Exactly one row comes back on success; none means a conflicting writer won.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @GrainIdHash, @GrainTypeHash,
       @PayloadBinary, 1, strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE @GrainStateVersion IS NULL
ON CONFLICT DO NOTHING
RETURNING Version AS NewGrainStateVersion;
');

-- Clear: keep the row (its version keeps counting), drop the payload.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, Version = Version + 1, ModifiedOn = strftime(''%Y-%m-%d %H:%M:%f'', ''now'')
WHERE ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString = COALESCE(@GrainIdExtensionString, '''')
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');
