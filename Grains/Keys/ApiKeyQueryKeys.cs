namespace TimerGrid.Grains.Keys;

/// <summary>The OrleansQuery keys of the API key queries (Storage/Scripts/*/0010_timergrid_api_keys.sql).</summary>
internal static class ApiKeyQueryKeys
{
    public const string Insert = "TimerGridInsertApiKeyKey";
    public const string Key = "TimerGridApiKeyKey";
    public const string Keys = "TimerGridApiKeysKey";
    public const string Revoke = "TimerGridRevokeApiKeyKey";
}
