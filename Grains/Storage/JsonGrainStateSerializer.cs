using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Stores grain state as UTF-8 JSON rather than Orleans' binary format, so the database rows stay
/// readable and SQL can index fields of a job (db, collection, status, next fire time). A field that is null is left
/// out (SQL reads a missing field as null, and so does this reader), and strings are escaped only where JSON requires
/// it (a job's meta is JSON in a string: its quotes cost 2 bytes, not 6): a pending job's row is about a third smaller.
/// </summary>
internal sealed class JsonGrainStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,   // stored, never embedded in HTML
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options)!;
}
