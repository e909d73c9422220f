using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Writes by query key through the silo's <see cref="PostgresGroupCommit"/>: the writer's side of
/// <see cref="StoredQueries"/> for PostgreSQL. Binds <c>@ServiceId</c> before the caller's parameters, as the seam does.
/// </summary>
internal sealed class PostgresStoredWrites(PostgresStorage storage, QueryTexts texts, IOptions<ClusterOptions> cluster)
{
    private readonly ConcurrentDictionary<string, string[]> _statements = new();

    /// <summary>Commits the key's statements with the parameters <paramref name="bind"/> adds; the first value they returned.</summary>
    public async Task<object?> WriteAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken = default)
    {
        if (!_statements.TryGetValue(key, out var statements))
        {
            statements = _statements.GetOrAdd(key, Split(await texts.GetAsync(key, cancellationToken)));
        }
        using var holder = new NpgsqlCommand();   // only gathers the typed parameters
        holder.Add("ServiceId", cluster.Value.ServiceId);
        bind(holder);
        NpgsqlParameter[] parameters = [.. holder.Parameters.Cast<NpgsqlParameter>()];
        holder.Parameters.Clear();
        return await storage.GroupCommit.ExecuteAsync(statements, parameters, cancellationToken);
    }

    /// <summary>
    /// An OrleansQuery text may hold several statements (a state write updates, or else inserts); a batch command takes
    /// one. Splits at each semicolon outside a quoted literal or identifier.
    /// </summary>
    internal static string[] Split(string text)
    {
        var statements = new List<string>();
        var (start, quote) = (0, '\0');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;   // a doubled quote closes and reopens: the same outcome
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ';')
            {
                statements.Add(text[start..i]);
                start = i + 1;
            }
        }
        statements.Add(text[start..]);
        return [.. statements.Select(s => s.Trim()).Where(s => s.Length > 0)];
    }
}
