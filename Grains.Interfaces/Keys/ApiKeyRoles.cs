using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>How roles are spelled on the wire, on the command line and in storage: <c>read</c>, <c>write</c>, <c>admin</c>.</summary>
public static class ApiKeyRoles
{
    /// <summary>The role's name.</summary>
    public static string Format(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Read => "read",
        ApiKeyRole.Write => "write",
        ApiKeyRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The role named <paramref name="name"/>, or <see cref="ErrorCodes.InvalidApiKeyRole"/>.</summary>
    public static ApiKeyRole Parse(string name) => name switch
    {
        "read" => ApiKeyRole.Read,
        "write" => ApiKeyRole.Write,
        "admin" => ApiKeyRole.Admin,
        _ => throw new TimerGridException(ErrorCodes.InvalidApiKeyRole, "role must be \"read\", \"write\" or \"admin\""),
    };
}
