using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Stores grain state as UTF-8 JSON rather than Orleans' binary format, so the database rows stay
/// readable and SQL can index fields of a job (db, collection, status, next fire time).
/// </summary>
internal sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
