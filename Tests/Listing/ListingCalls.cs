using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>The listing calls the tests make, as a client sends them.</summary>
public static class ListingCalls
{
    public static async Task CreateNamedJobAsync(this HttpClient http, string db, string collection, string id, long triggerTime, string route, string name)
    {
        var response = await http.PostJsonAsync($"/job/{db}/{collection}",
            $$"""{"id":"{{id}}","trigger_time":{{triggerTime}},"route":"{{route}}","name":"{{name}}"}""");
        await response.EnsureOkAsync();
    }

    /// <summary>The ids of a page's jobs, in order.</summary>
    public static string[] Ids(this JsonElement page, string items = "jobs") =>
        [.. page.GetProperty(items).EnumerateArray().Select(j => j.GetProperty("id").GetString()!)];

    public static string? NextCursor(this JsonElement page) => page.GetProperty("next_cursor").GetString();

    /// <summary>Every page of a listing, following next_cursor from the first page.</summary>
    public static async Task<List<JsonElement>> WalkAsync(this HttpClient http, string path, int pageSize)
    {
        var separator = path.Contains('?') ? '&' : '?';
        var pages = new List<JsonElement> { await http.GetJsonAsync($"{path}{separator}pagesize={pageSize}") };
        while (pages[^1].NextCursor() is { } cursor)
        {
            pages.Add(await http.GetJsonAsync($"{path}{separator}pagesize={pageSize}&cursor={Uri.EscapeDataString(cursor)}"));
        }
        return pages;
    }
}
