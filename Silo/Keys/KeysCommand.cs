using System.Globalization;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Keys;

namespace TimerGrid.Silo.Keys;

/// <summary>
/// <c>dotnet run --project Silo -- keys ...</c>: creates, lists and revokes API keys in the node's storage, whether the
/// node runs or not, then exits. A running node sees a new key at once and a revocation within a second.
/// </summary>
internal static class KeysCommand
{
    /// <summary>Who the audit log says made the change.</summary>
    public const string User = "keys command";

    /// <summary>0 done, 1 refused (bad value, no such key), 2 not a command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (KeyCommandLine.Parse(args) is not { } command || !IsComplete(command))
        {
            await error.WriteLineAsync(KeyCommandLine.Usage);
            return 2;
        }
        try
        {
            await using var storage = await KeyStorageHost.StartAsync(command.Configuration);
            return command.Verb switch
            {
                "create" => await CreateAsync(storage.Keys, command, output, error),
                "list" => await ListAsync(storage.Keys, output),
                _ => await RevokeAsync(storage.Keys, command.Positional[0], output, error),
            };
        }
        catch (TimerGridException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static bool IsComplete(KeyCommandLine command) => command switch
    {
        { Verb: "create", Positional.Count: 0 } => command.Options.ContainsKey("db") && command.Options.ContainsKey("role"),
        { Verb: "list", Positional.Count: 0, Options.Count: 0 } => true,
        { Verb: "revoke", Positional.Count: 1, Options.Count: 0 } => true,
        _ => false,
    };

    /// <summary>The key alone on standard output, for <c>KEY=$(... keys create ...)</c>; the rest on standard error.</summary>
    private static async Task<int> CreateAsync(ApiKeyService keys, KeyCommandLine command, TextWriter output, TextWriter error)
    {
        var spec = new ApiKeySpec(command.Options["db"], ApiKeyRoles.Parse(command.Options["role"]), command.Options.GetValueOrDefault("name"));
        var created = await keys.CreateAsync(spec, User);
        await output.WriteLineAsync(created.Secret);
        await error.WriteLineAsync($"created key {created.Key.Id} ({ApiKeyRoles.Format(spec.Role)} on {spec.Db}); store it now, it is not shown again");
        return 0;
    }

    private static async Task<int> ListAsync(ApiKeyService keys, TextWriter output)
    {
        await output.WriteLineAsync("id\tdb\trole\tname\tcreated\trevoked");
        foreach (var key in await keys.ListAsync(null))
        {
            await output.WriteLineAsync(string.Join('\t', key.Id, key.Db, ApiKeyRoles.Format(key.Role), key.Name ?? "", Time(key.CreatedTime), Time(key.RevokedTime)));
        }
        return 0;
    }

    private static async Task<int> RevokeAsync(ApiKeyService keys, string id, TextWriter output, TextWriter error)
    {
        if (!ApiKeyToken.IsId(id) || await keys.RevokeAsync(id, User) is null)
        {
            await error.WriteLineAsync($"no API key '{id}'");
            return 1;
        }
        await output.WriteLineAsync($"revoked key {id}");
        return 0;
    }

    private static string Time(long? epochMs) =>
        epochMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("u", CultureInfo.InvariantCulture) : "";
}
