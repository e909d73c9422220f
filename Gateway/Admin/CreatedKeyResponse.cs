using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Admin;

/// <summary>The answer to a key's creation: the only time its material (<c>key</c>) is shown.</summary>
internal sealed record CreatedKeyResponse(string Id, string Key, string Db, ApiKeyRole Role, string? Name, long CreatedTime)
{
    public static CreatedKeyResponse From(ApiKeyCreated created) =>
        new(created.Key.Id, created.Secret, created.Key.Db, created.Key.Role, created.Key.Name, created.Key.CreatedTime);
}
