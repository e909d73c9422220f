using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Json;

/// <summary>Typed access to the fields of a request object, each failure with its error code.</summary>
internal static class JsonFields
{
    public static string? OptionalString(this JsonElement body, string name) =>
        body.Optional(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(name, "a string")
            : null;

    public static string RequiredString(this JsonElement body, string name) =>
        body.OptionalString(name) ?? throw Missing(name);

    /// <summary>An integer; strings, fractions and exponents are refused.</summary>
    public static long? OptionalInt64(this JsonElement body, string name, TimerGridError invalid) =>
        body.OptionalNumeric(name, invalid, "an integer", (JsonElement value, out long number) => value.TryGetInt64(out number));

    /// <summary>A JSON number, fractions allowed; anything else is <paramref name="invalid"/>.</summary>
    public static double? OptionalNumber(this JsonElement body, string name, TimerGridError invalid) =>
        body.OptionalNumeric(name, invalid, "a number", (JsonElement value, out double number) => value.TryGetDouble(out number));

    /// <summary>A JSON integer that fits an int; anything else (a fraction, a string) is <paramref name="invalid"/>.</summary>
    public static int? OptionalInt32(this JsonElement body, string name, TimerGridError invalid) =>
        body.OptionalInt64(name, invalid) is { } number
            ? number is >= int.MinValue and <= int.MaxValue ? (int)number : throw new TimerGridException(invalid, $"{name} is out of range")
            : null;

    /// <inheritdoc cref="OptionalInt64"/>
    public static long RequiredInt64(this JsonElement body, string name, TimerGridError invalid) =>
        body.OptionalInt64(name, invalid) ?? throw Missing(name);

    public static bool? OptionalBool(this JsonElement body, string name) =>
        body.Optional(name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw WrongType(name, "true or false"),
            }
            : null;

    public static JsonElement? OptionalObject(this JsonElement body, string name) =>
        body.Optional(name) is { } value
            ? value.ValueKind == JsonValueKind.Object ? value : throw WrongType(name, "an object")
            : null;

    /// <summary>The field's JSON text exactly as the client sent it.</summary>
    public static string? RawOrNull(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    private delegate bool NumberReader<T>(JsonElement value, out T number);

    private static T? OptionalNumeric<T>(this JsonElement body, string name, TimerGridError invalid, string expected, NumberReader<T> read) where T : struct =>
        body.Optional(name) is { } value
            ? value.ValueKind == JsonValueKind.Number && read(value, out var number)
                ? number
                : throw new TimerGridException(invalid, $"{name} must be {expected}")
            : null;

    /// <summary>The field, unless it is absent or null.</summary>
    private static JsonElement? Optional(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static TimerGridException Missing(string name) => new(ErrorCodes.MissingField, $"{name} is required");

    private static TimerGridException WrongType(string name, string expected) =>
        new(ErrorCodes.MalformedBody, $"{name} must be {expected}");
}
