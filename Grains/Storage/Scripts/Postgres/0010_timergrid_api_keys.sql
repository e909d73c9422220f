-- API keys: only the SHA-256 of a key's material is stored (ApiKeyToken). A revoked key keeps its row
-- (revoked_time set) so that listings and the audit log can still name it. Times are epoch milliseconds.

CREATE TABLE IF NOT EXISTS tg_api_keys
(
    ServiceId    varchar(150) NOT NULL,
    id           varchar(16)  NOT NULL,
    db           varchar(128) NOT NULL,
    role         varchar(16)  NOT NULL,
    name         text         NULL,
    key_hash     varchar(64)  NOT NULL,
    created_time bigint       NOT NULL,
    revoked_time bigint       NULL,
    PRIMARY KEY (ServiceId, id)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridInsertApiKeyKey', '
INSERT INTO tg_api_keys (ServiceId, id, db, role, name, key_hash, created_time)
VALUES (@ServiceId, @Id, @Db, @Role, @Name, @KeyHash, @CreatedTime);
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridApiKeyKey', '
SELECT id, db, role, name, created_time, revoked_time, key_hash
FROM tg_api_keys
WHERE ServiceId = @ServiceId AND id = @Id;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridApiKeysKey', '
SELECT id, db, role, name, created_time, revoked_time, key_hash
FROM tg_api_keys
WHERE ServiceId = @ServiceId AND (@Db IS NULL OR db = @Db)
ORDER BY created_time, id;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- The first revocation's time stays.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('TimerGridRevokeApiKeyKey', '
UPDATE tg_api_keys SET revoked_time = @RevokedTime
WHERE ServiceId = @ServiceId AND id = @Id AND revoked_time IS NULL;
') ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
