using System.Collections.Concurrent;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// TimerGrid's SQL by key, read from the OrleansQuery table the migrator fills for the dialect in use,
/// so the dialect's text lives only in its scripts. Read once per key and process.
/// </summary>
internal sealed class QueryTexts(IStorageDialect dialect)
{
    private readonly ConcurrentDictionary<string, string> _texts = new();

    public async ValueTask<string> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (_texts.TryGetValue(key, out var text))
        {
            return text;
        }
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @QueryKey";
        command.Add("QueryKey", key);
        text = (string?)await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"OrleansQuery lacks {key}");
        return _texts.GetOrAdd(key, text);
    }
}
