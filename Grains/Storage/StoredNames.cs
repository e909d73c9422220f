using System.Text.Json;

namespace TimerGrid.Grains.Storage;

/// <summary>How states, statuses and events are spelled in TimerGrid's tables: camelCase, as in the JSON grain state.</summary>
internal static class StoredNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);
}
