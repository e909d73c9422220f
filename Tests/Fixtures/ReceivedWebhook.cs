namespace TimerGrid.Tests.Fixtures;

/// <summary>One request as the receiver saw it.</summary>
public sealed record ReceivedWebhook(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body, long ReceivedAtMs)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"no header {name}");

    public static async Task<ReceivedWebhook> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new ReceivedWebhook(request.Path + request.QueryString, headers, body.ToArray(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }
}
