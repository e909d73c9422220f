using System.Net;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Bench.Load;

/// <summary>
/// <c>POST /job/{db}/{collection}</c> over keep-alive connections: TimerGrid's API, which the peers'
/// hosts also serve so that every target is driven the same way.
/// </summary>
internal sealed class RestJobClient(Uri node) : IJobClient
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };

    public string Kind => "REST";

    /// <summary>TimerGrid only: the route bench jobs deliver to by default.</summary>
    public Task CreateRouteAsync(Uri webhook) =>
        CreateRouteAsync(JsonSerializer.Serialize(new { id = JobPlan.WebhookRoute, type = "REST", webhook_url = webhook.ToString() }));

    /// <summary>TimerGrid only: the GRAIN route to the bench's callback grains, one grain per job.</summary>
    public Task CreateGrainRouteAsync(string grainInterface) =>
        CreateRouteAsync(JsonSerializer.Serialize(new { id = JobPlan.GrainRoute, type = "GRAIN", grain_interface = grainInterface, grain_key = "{collection}/{id}" }));

    private async Task CreateRouteAsync(string body)
    {
        using var response = await _http.PostAsync($"/route/{JobPlan.Db}", new StringContent(body, Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /route/{JobPlan.Db} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<string?> CreateAsync(JobPlan plan, int index, long triggerTime)
    {
        var body = $$"""{"id":"{{JobPlan.Id(index)}}","trigger_time":{{triggerTime}},"meta":{"n":{{index}}},"route":"{{plan.Route}}"}""";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync($"/job/{JobPlan.Db}/{plan.Collection}", content);
            return response.StatusCode == HttpStatusCode.OK ? null : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
