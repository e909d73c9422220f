using System.Data.Common;
using System.Globalization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Grain state in PostgreSQL, over Orleans' ADO.NET table and queries (ReadFromStorageKey, WriteToStorageKey,
/// ClearStorageKey) with its version semantics, but with every write joining the silo's group commit: Orleans' own
/// provider commits each write alone, and its connections must be Npgsql's, which cannot be made to wait for a batch.
/// </summary>
internal sealed class PostgresGrainStorage(StoredQueries queries, PostgresStoredWrites writes, IActivatorProvider activators)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly string[] QueryKeys = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey"];

    private readonly JsonGrainStateSerializer _serializer = new();

    /// <summary>As Orleans' provider does, reads its queries at start-up (after the migration): a missing one stops the silo, not a grain call.</summary>
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresGrainStorage), ServiceLifecycleStage.ApplicationServices, async cancellationToken =>
        {
            foreach (var key in QueryKeys)
            {
                await queries.TextAsync(key, cancellationToken);
            }
        });

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = StoredGrainKey.Of(stateName, grainId);
        var rows = await queries.ReadAsync("ReadFromStorageKey", c => key.AddTo(c, stateName), r => (
            Payload: r.IsDBNull(0) ? null : (byte[])r.GetValue(0),
            Version: r.GetInt32(1)));
        var (payload, version) = rows.Count == 0 ? (null, null) : (rows[0].Payload, (int?)rows[0].Version);
        grainState.State = payload is null ? Create<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await VersionedWriteAsync("WriteToStorageKey", stateName, grainId, grainState.ETag, c => c.Add("PayloadBinary", payload));
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }
        grainState.ETag = await VersionedWriteAsync("ClearStorageKey", stateName, grainId, grainState.ETag, _ => { });
        grainState.RecordExists = false;
        grainState.State = Create<T>();
    }

    /// <summary>The new version; none back means another writer holds a newer one (or inserted first).</summary>
    private async Task<string> VersionedWriteAsync(string queryKey, string stateName, GrainId grainId, string? etag, Action<DbCommand> bind)
    {
        var key = StoredGrainKey.Of(stateName, grainId);
        var held = string.IsNullOrWhiteSpace(etag) ? (int?)null : int.Parse(etag, CultureInfo.InvariantCulture);
        var version = await writes.WriteAsync(queryKey, c =>
        {
            key.AddTo(c, stateName);
            c.Add("GrainStateVersion", held);
            bind(c);
        });
        return version is null
            ? throw new InconsistentStateException($"Version conflict ({queryKey}): GrainType={stateName} GrainId={grainId} ETag={etag}.")
            : Convert.ToString(version, CultureInfo.InvariantCulture)!;
    }

    private T Create<T>() => activators.GetActivator<T>().Create();
}
