using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Admin;

/// <summary>A key in listings: never its material. Times are epoch ms; <c>revoked_time</c> is null while it is valid.</summary>
internal sealed record KeyResponse(string Id, string Db, ApiKeyRole Role, string? Name, long CreatedTime, long? RevokedTime)
{
    public static KeyResponse From(ApiKeyView key) => new(key.Id, key.Db, key.Role, key.Name, key.CreatedTime, key.RevokedTime);
}
