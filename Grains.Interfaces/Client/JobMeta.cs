using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>How the typed client turns a meta object into the JSON text a job delivers.</summary>
internal static class JobMeta
{
    /// <summary>meta when none is given, as on the REST API.</summary>
    public const string Empty = "{}";

    public static string ToJson(object? meta)
    {
        try
        {
            return meta switch
            {
                null => Empty,
                JsonElement { ValueKind: JsonValueKind.Undefined } => Empty,
                JsonElement element => element.GetRawText(),
                JsonDocument document => document.RootElement.GetRawText(),
                _ => JsonSerializer.Serialize(meta, meta.GetType(), JsonSerializerOptions.Web),
            };
        }
        catch (Exception e) when (e is NotSupportedException or JsonException or InvalidOperationException)
        {
            throw new TimerGridException(ErrorCodes.MalformedBody, $"meta cannot be written as JSON: {e.Message}");
        }
    }
}
