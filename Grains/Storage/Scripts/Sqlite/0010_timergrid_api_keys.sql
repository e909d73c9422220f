-- API keys: only the SHA-256 of a key's material is stored (ApiKeyToken). A revoked key keeps its row
-- (revoked_time set) so that listings and the audit log can still name it. Times are epoch milliseconds.

CREATE TABLE IF NOT EXISTS tg_api_keys
(
    ServiceId    TEXT    NOT NULL,
    id           TEXT    NOT NULL,
    db           TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    name         TEXT    NULL,
    key_hash     TEXT    NOT NULL,
    created_time INTEGER NOT NULL,
    revoked_time INTEGER NULL,
    PRIMARY KEY (ServiceId, id)
);

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridInsertApiKeyKey', '
INSERT INTO tg_api_keys (ServiceId, id, db, role, name, key_hash, created_time)
VALUES (@ServiceId, @Id, @Db, @Role, @Name, @KeyHash, @CreatedTime);
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridApiKeyKey', '
SELECT id, db, role, name, created_time, revoked_time, key_hash
FROM tg_api_keys
WHERE ServiceId = @ServiceId AND id = @Id;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridApiKeysKey', '
SELECT id, db, role, name, created_time, revoked_time, key_hash
FROM tg_api_keys
WHERE ServiceId = @ServiceId AND (@Db IS NULL OR db = @Db)
ORDER BY created_time, id;
');

-- The first revocation's time stays.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRevokeApiKeyKey', '
UPDATE tg_api_keys SET revoked_time = @RevokedTime
WHERE ServiceId = @ServiceId AND id = @Id AND revoked_time IS NULL;
');
