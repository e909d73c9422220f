using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TimerGrid.Grains.Interfaces.Client;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Client;

/// <summary>One table of bad input, sent through the REST API and through the typed client: the same code both ways.</summary>
[Collection(ApiCollection.Name)]
public sealed class ValidationParityTests(ApiFixture app) : IAsyncLifetime
{
    private const long FutureMs = 4_000_000_000_000;
    private const long SecondsNotMs = 1_667_659_342;
    private static readonly DateTimeOffset Future = DateTimeOffset.FromUnixTimeMilliseconds(FutureMs);
    private static readonly string HugeMeta = new('x', 300 * 1024);

    private readonly HttpClient _http = app.Http;
    private readonly TimerGridClient _client = ActivatorUtilities.CreateInstance<TimerGridClient>(app.Services);

    /// <summary>A bad request, as REST sends it and as a .NET service calls it.</summary>
    private sealed record Case(string Method, string Path, string Body, Func<TimerGridClient, Task> Call, string Code);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["db with a space"] = new("POST", "/job/b%20d/c", Job("n"), c => c.Jobs("b d", "c").ScheduleAsync("n", Future, null, "r"), "E002"),
        ["collection with a slash"] = new("POST", "/job/parity/c%2Fx", Job("n"), c => c.Jobs("parity", "c/x").ScheduleAsync("n", Future, null, "r"), "E002"),
        ["job id with a slash"] = new("POST", "/job/parity/c", Job("a/b"), c => Jobs(c).ScheduleAsync("a/b", Future, null, "r"), "E002"),
        ["job id of 129 chars"] = new("POST", "/job/parity/c", Job(new string('a', 129)), c => Jobs(c).ScheduleAsync(new string('a', 129), Future, null, "r"), "E002"),
        ["trigger time in seconds"] = new("POST", "/job/parity/c", Job("n", $"\"trigger_time\":{SecondsNotMs}"),
            c => Jobs(c).ScheduleAsync("n", DateTimeOffset.FromUnixTimeMilliseconds(SecondsNotMs), null, "r"), "E003"),
        ["trigger time after 2100"] = new("POST", "/job/parity/c", Job("n", "\"trigger_time\":7258118400000"),
            c => Jobs(c).ScheduleAsync("n", DateTimeOffset.FromUnixTimeMilliseconds(7_258_118_400_000), null, "r"), "E003"),
        ["unknown route"] = new("POST", "/job/parity/c", Job("n", route: "no-such-route"), c => Jobs(c).ScheduleAsync("n", Future, null, "no-such-route"), "E010"),
        ["route id with a slash"] = new("POST", "/job/parity/c", Job("n", route: "a/b"), c => Jobs(c).ScheduleAsync("n", Future, null, "a/b"), "E002"),
        ["empty name"] = new("POST", "/job/parity/c", Job("n", $"\"trigger_time\":{FutureMs},\"name\":\"\""),
            c => Jobs(c).ScheduleAsync("n", new JobSpec(FutureMs, "{}", "r") { Name = "" }), "E024"),
        ["trigger time and schedule"] = new("POST", "/job/parity/c", Job("n", $"\"trigger_time\":{FutureMs},\"schedule\":{{\"interval\":5}}"),
            c => Jobs(c).ScheduleAsync("n", new JobSpec(FutureMs, "{}", "r") { Schedule = new() { IntervalSeconds = 5 } }), "E020"),
        ["cron minute 61"] = new("POST", "/job/parity/c", Job("n", "\"schedule\":{\"cron\":\"61 * * * *\"}"),
            c => Jobs(c).ScheduleAsync("n", new JobSpec(null, "{}", "r") { Schedule = new() { Cron = "61 * * * *" } }), "E019"),
        ["negative catch-up window"] = new("POST", "/job/parity/c", Job("n", "\"schedule\":{\"interval\":60},\"catch_up_window_ms\":-1"),
            c => Jobs(c).ScheduleAsync("n", new JobSpec(null, "{}", "r") { Schedule = new() { IntervalSeconds = 60 }, CatchUpWindowMs = -1 }), "E020"),
        ["meta of 300 KiB"] = new("POST", "/job/parity/c", Job("n", $"\"trigger_time\":{FutureMs},\"meta\":\"{HugeMeta}\""),
            c => Jobs(c).ScheduleAsync("n", Future, HugeMeta, "r"), "E008"),
        ["existing job, other time"] = new("POST", "/job/parity/c", Job("existing", $"\"trigger_time\":{FutureMs + 1}"),
            c => Jobs(c).ScheduleAsync("existing", Future.AddMilliseconds(1), null, "r"), "E006"),
        ["reschedule of no job"] = new("PATCH", "/job/parity/c/missing", $"{{\"trigger_time\":{FutureMs}}}", c => Jobs(c).RescheduleAsync("missing", Future), "E004"),
        ["reschedule in seconds"] = new("PATCH", "/job/parity/c/existing", $"{{\"trigger_time\":{SecondsNotMs}}}",
            c => Jobs(c).RescheduleAsync("existing", DateTimeOffset.FromUnixTimeMilliseconds(SecondsNotMs)), "E003"),
        ["webhook url ftp"] = new("POST", "/route/parity", Webhook("r2", "ftp://127.0.0.1/x"), c => Routes(c).CreateWebhookAsync("r2", "ftp://127.0.0.1/x"), "E011"),
        ["short secret"] = new("POST", "/route/parity", Webhook("r2", "http://h/x", ",\"secret\":\"short\""), c => Routes(c).CreateWebhookAsync("r2", "http://h/x", "short"), "E014"),
        ["route id with a space"] = new("POST", "/route/parity", Webhook("a b", "http://h/x"), c => Routes(c).CreateWebhookAsync("a b", "http://h/x"), "E002"),
        ["existing route, other url"] = new("POST", "/route/parity", Webhook("r", "http://elsewhere/x"), c => Routes(c).CreateWebhookAsync("r", "http://elsewhere/x"), "E007"),
        ["grain interface with a space"] = new("POST", "/route/parity", GrainRoute("my grain", "{id}"), c => Routes(c).CreateGrainAsync("r2", "my grain", "{id}"), "E050"),
        ["empty grain interface"] = new("POST", "/route/parity", GrainRoute("", "{id}"), c => Routes(c).CreateGrainAsync("r2", "", "{id}"), "E050"),
        ["grain key placeholder {match}"] = new("POST", "/route/parity", GrainRoute("game.IMatch", "{match}"), c => Routes(c).CreateGrainAsync("r2", "game.IMatch", "{match}"), "E051"),
        ["empty grain key"] = new("POST", "/route/parity", GrainRoute("game.IMatch", ""), c => Routes(c).CreateGrainAsync("r2", "game.IMatch", ""), "E051"),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadInput_RestAndTypedClient_FailWithTheSameCode(string name)
    {
        var bad = Cases[name];
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Path) { Content = new StringContent(bad.Body, Encoding.UTF8, "application/json") };

        using var response = await _http.SendAsync(request);
        var thrown = await Assert.ThrowsAsync<TimerGridException>(() => bad.Call(_client));

        var rest = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(bad.Code, rest.GetProperty("code").GetString());
        Assert.Equal(bad.Code, thrown.Error.Code);
        Assert.Equal((int)response.StatusCode, thrown.Error.Status);
    }

    public async Task InitializeAsync()
    {
        await _http.CreateRouteAsync("parity", "r", "http://127.0.0.1:9/never");
        await _http.CreateJobAsync("parity", "c", "existing", FutureMs, "r");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static TimerGridJobs Jobs(TimerGridClient client) => client.Jobs("parity", "c");

    private static TimerGridRoutes Routes(TimerGridClient client) => client.Routes("parity");

    private static string Job(string id, string? when = null, string route = "r") =>
        $"{{\"id\":\"{id}\",{when ?? $"\"trigger_time\":{FutureMs}"},\"route\":\"{route}\"}}";

    private static string Webhook(string id, string url, string extra = "") => $"{{\"id\":\"{id}\",\"type\":\"REST\",\"webhook_url\":\"{url}\"{extra}}}";

    private static string GrainRoute(string grainInterface, string grainKey) =>
        $"{{\"id\":\"r2\",\"type\":\"GRAIN\",\"grain_interface\":\"{grainInterface}\",\"grain_key\":\"{grainKey}\"}}";
}
