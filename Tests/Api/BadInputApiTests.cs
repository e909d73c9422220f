using System.Net;
using System.Text;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>Every bad request gets a 4xx with a stable code, changes nothing, and leaves the service serving.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputApiTests(ApiFixture app) : IAsyncLifetime
{
    private const string Db = "bad";
    private const string ExistingJob = "/job/bad/c/existing";
    private readonly HttpClient _http = app.Http;

    public static TheoryData<string, string, string?, int, string> Cases()
    {
        var future = 4_000_000_000_000;
        string Job(string fields) => "{" + fields + "}";
        var hugeMeta = new string('x', 300 * 1024);
        var hugeBody = new string('y', 2 * 1024 * 1024);
        return new()
        {
            { "POST", "/job/bad/c", "{\"id\":", 400, "E001" },
            { "POST", "/job/bad/c", "not json at all", 400, "E001" },
            { "POST", "/job/bad/c", "[1,2,3]", 400, "E001" },
            { "POST", "/job/bad/c", "", 400, "E001" },
            { "POST", "/job/bad/c", Job($"\"id\":7,\"trigger_time\":{future},\"route\":\"r\""), 400, "E001" },
            { "POST", "/job/bad/c", Job($"\"id\":\"n\",\"trigger_time\":{future},\"route\":[\"r\"]"), 400, "E001" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":\"1767659342626\",\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":1767659342626.5,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":1e12,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":-5,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":1667659342,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":99999999999999999999999,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"trigger_time\":7258118400000,\"route\":\"r\""), 400, "E003" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"route\":\"r\""), 400, "E018" },
            { "POST", "/job/bad/c", Job($"\"id\":\"n\",\"trigger_time\":{future}"), 400, "E018" },
            { "POST", "/job/bad/c", Job($"\"trigger_time\":{future},\"route\":\"r\""), 400, "E018" },
            { "POST", "/job/bad/c", Job($"\"id\":\"{new string('a', 129)}\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"a/b\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"..\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"é\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"x'; DROP TABLE OrleansStorage;--\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c%2Fx", Job($"\"id\":\"n\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/b%20d/c", Job($"\"id\":\"n\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E002" },
            { "POST", "/job/bad/c", Job($"\"id\":\"n\",\"trigger_time\":{future},\"route\":\"no-such-route\""), 400, "E010" },
            { "POST", "/job/bad/c", Job($"\"id\":\"n\",\"trigger_time\":{future},\"schedule\":{{\"interval\":5}},\"route\":\"r\""), 400, "E020" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":\"*/5 * * * *\",\"route\":\"r\""), 400, "E001" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"cron\":\"61 * * * *\"},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"cron\":\"0 3 * * *\",\"timezone\":\"Nowhere/Land\"},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":0},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":\"60\"},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":60,\"jitter_ms\":-1},\"route\":\"r\""), 400, "E019" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":60},\"misfire\":\"later\",\"route\":\"r\""), 400, "E020" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":60},\"enabled\":\"no\",\"route\":\"r\""), 400, "E001" },
            { "POST", "/job/bad/c", Job("\"id\":\"n\",\"schedule\":{\"interval\":60},\"name\":\"\",\"route\":\"r\""), 400, "E024" },
            { "POST", "/job/bad/c/missing/run", null, 404, "E004" },
            { "POST", "/job/bad/c/missing/pause", null, 404, "E004" },
            { "POST", "/job/bad/c", Job($"\"id\":\"n\",\"trigger_time\":{future},\"route\":\"r\",\"meta\":\"{hugeMeta}\""), 413, "E008" },
            { "POST", "/job/bad/c", hugeBody, 413, "E009" },
            { "POST", "/job/bad/c", Job($"\"id\":\"existing\",\"trigger_time\":{future + 1},\"route\":\"r\""), 409, "E006" },
            { "PUT", ExistingJob, Job($"\"id\":\"other\",\"trigger_time\":{future},\"route\":\"r\""), 400, "E013" },
            { "PUT", ExistingJob, Job("\"trigger_time\":true,\"route\":\"r\""), 400, "E003" },
            { "PUT", ExistingJob, "{", 400, "E001" },
            { "PUT", "/job/bad/c/missing", Job($"\"trigger_time\":{future},\"route\":\"r\""), 404, "E004" },
            { "GET", "/job/bad/c/missing", null, 404, "E004" },
            { "DELETE", "/job/bad/c/missing", null, 404, "E004" },
            { "GET", "/job/bad/c/" + new string('z', 200), null, 400, "E002" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"SOAP\",\"webhook_url\":\"http://127.0.0.1/x\"}", 400, "E012" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":\"ftp://127.0.0.1/x\"}", 400, "E011" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":\"javascript:alert(1)\"}", 400, "E011" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":\"http://user:pw@host/x\"}", 400, "E011" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":42}", 400, "E001" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\"}", 400, "E018" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":\"http://h/x\",\"secret\":\"short\"}", 400, "E014" },
            { "POST", "/route/bad", "{\"id\":\"r2\",\"type\":\"REST\",\"webhook_url\":\"http://h/x\",\"payload\":\"xml\"}", 400, "E015" },
            { "POST", "/route/bad", "{\"id\":\"r\",\"type\":\"REST\",\"webhook_url\":\"http://elsewhere/x\"}", 409, "E007" },
            { "PUT", "/route/bad/r", "{\"id\":\"zz\",\"type\":\"REST\",\"webhook_url\":\"http://h/x\"}", 400, "E013" },
            { "GET", "/route/bad/missing", null, 404, "E005" },
            { "DELETE", "/route/bad/missing", null, 404, "E005" },
            { "GET", "/nowhere", null, 404, "E016" },
            { "PATCH", ExistingJob + "/run", null, 405, "E017" },
            { "PATCH", ExistingJob, "{", 400, "E001" },
            { "PATCH", ExistingJob, "[1]", 400, "E001" },
            { "PATCH", ExistingJob, Job("\"id\":\"other\",\"name\":\"x\""), 400, "E013" },
            { "PATCH", ExistingJob, Job("\"trigger_time\":\"soon\""), 400, "E003" },
            { "PATCH", ExistingJob, Job("\"trigger_time\":1667659342"), 400, "E003" },
            { "PATCH", ExistingJob, Job($"\"trigger_time\":{future},\"schedule\":{{\"interval\":5}}"), 400, "E020" },
            { "PATCH", ExistingJob, Job("\"schedule\":{\"cron\":\"61 * * * *\"}"), 400, "E019" },
            { "PATCH", ExistingJob, Job("\"route\":\"no-such-route\""), 400, "E010" },
            { "PATCH", ExistingJob, Job("\"route\":\"a/b\""), 400, "E002" },
            { "PATCH", ExistingJob, Job("\"name\":\"\""), 400, "E024" },
            { "PATCH", ExistingJob, Job("\"enabled\":\"no\""), 400, "E001" },
            { "PATCH", ExistingJob, Job("\"misfire\":\"later\""), 400, "E020" },
            { "PATCH", ExistingJob, Job("\"catch_up_window_ms\":-1"), 400, "E020" },
            { "PATCH", ExistingJob, Job($"\"meta\":\"{hugeMeta}\""), 413, "E008" },
            { "PATCH", "/job/bad/c/missing", Job("\"name\":\"x\""), 404, "E004" },
            { "POST", "/job/bad/c/missing/replay", null, 404, "E004" },
            { "POST", ExistingJob + "/replay", null, 409, "E037" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_Returns4xxWithCodeAndChangesNothing(string method, string path, string? body, int status, string code)
    {
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        var error = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/job/bad/c/n")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/route/bad/r2")).StatusCode);
    }

    public async Task InitializeAsync()
    {
        await _http.CreateRouteAsync(Db, "r", "http://127.0.0.1:9/never");
        await _http.CreateJobAsync(Db, "c", "existing", 4_000_000_000_000, "r", """{"keep":"me"}""");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> SnapshotAsync() =>
        (await _http.GetJsonAsync(ExistingJob)).GetRawText() + (await _http.GetJsonAsync("/route/bad/r")).GetRawText();
}
