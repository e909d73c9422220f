using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// Endpoint metadata: which db a request acts on and the least role it needs. Without it, the db is the route's
/// <c>{db}</c> (all dbs when it has none) and the role is read for GET and HEAD, write for every other method.
/// </summary>
public sealed class KeyAccess
{
    private KeyAccess(string? db, ApiKeyRole? role, Func<HttpRequest, string>? dbOf = null) => (Db, Role, DbOf) = (db, role, dbOf);

    /// <summary>Key management: admins only; the endpoints check the db of each key themselves.</summary>
    public static KeyAccess Admin { get; } = new(null, ApiKeyRole.Admin);

    /// <summary>A surface whose every endpoint acts on one db.</summary>
    public static KeyAccess InDb(string db) => new(db, null);

    /// <summary>An endpoint whose request names its db (a header, the query string): <paramref name="dbOf"/> reads it as sent.</summary>
    public static KeyAccess InRequestDb(Func<HttpRequest, string> dbOf) => new(null, null, dbOf);

    private string? Db { get; }

    private ApiKeyRole? Role { get; }

    private Func<HttpRequest, string>? DbOf { get; }

    /// <summary>What the request needs: the db (null: any, the endpoint checks; or no endpoint, which answers 404 or 405) and the role.</summary>
    public static (string? Db, ApiKeyRole Role) Required(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint)
        {
            return (null, ApiKeyRole.Read);
        }
        var access = endpoint.Metadata.GetMetadata<KeyAccess>();
        var role = access?.Role ?? (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? ApiKeyRole.Read : ApiKeyRole.Write);
        if (access == Admin)
        {
            return (null, role);
        }
        return (access?.DbOf?.Invoke(context.Request) ?? access?.Db ?? context.GetRouteValue("db") as string ?? ApiKeySpec.AllDbs, role);
    }
}
