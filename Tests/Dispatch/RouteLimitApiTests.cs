using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Dispatch;

/// <summary>A route's dispatch limits through <c>/route</c>: stored and shown as given, replaced with the route, refused when invalid.</summary>
[Collection(ApiCollection.Name)]
public sealed class RouteLimitApiTests(ApiFixture app)
{
    private const string Db = "limits";
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task PutAndGet_WithLimits_RoundTripAndAPutWithoutThemRemovesThem()
    {
        var url = app.Receiver.UrlFor("limits");
        await _http.CreateRouteAsync(Db, "r", url, ""","max_dispatches_per_second":0.5,"max_concurrent_dispatches":4,"circuit_breaker_threshold":3""");

        var created = await _http.GetJsonAsync($"/route/{Db}/r");
        Assert.Equal(0.5, created.GetProperty("max_dispatches_per_second").GetDouble());
        Assert.Equal(4, created.GetProperty("max_concurrent_dispatches").GetInt32());
        Assert.Equal(3, created.GetProperty("circuit_breaker_threshold").GetInt32());

        await (await _http.PutJsonAsync($"/route/{Db}/r", $$"""{"type":"REST","webhook_url":"{{url}}","max_dispatches_per_second":100}""")).EnsureOkAsync();
        var replaced = await _http.GetJsonAsync($"/route/{Db}/r");
        Assert.Equal(100, replaced.GetProperty("max_dispatches_per_second").GetDouble());
        Assert.False(replaced.TryGetProperty("max_concurrent_dispatches", out _));

        await (await _http.PutJsonAsync($"/route/{Db}/r", $$"""{"type":"REST","webhook_url":"{{url}}"}""")).EnsureOkAsync();
        var unlimited = await _http.GetJsonAsync($"/route/{Db}/r");
        Assert.False(unlimited.TryGetProperty("max_dispatches_per_second", out _));
        Assert.False(unlimited.TryGetProperty("circuit_breaker_threshold", out _));
    }

    public static TheoryData<string, string> BadLimits() => new()
    {
        { "\"max_dispatches_per_second\":0", "E052" },
        { "\"max_dispatches_per_second\":-1", "E052" },
        { "\"max_dispatches_per_second\":\"10\"", "E052" },
        { "\"max_dispatches_per_second\":1e9", "E052" },
        { "\"max_concurrent_dispatches\":0", "E053" },
        { "\"max_concurrent_dispatches\":1.5", "E053" },
        { "\"max_concurrent_dispatches\":\"4\"", "E053" },
        { "\"max_concurrent_dispatches\":99999999999", "E053" },
        { "\"circuit_breaker_threshold\":0", "E054" },
        { "\"circuit_breaker_threshold\":2.5", "E054" },
    };

    [Theory, MemberData(nameof(BadLimits))]
    public async Task Put_BadLimit_Returns400WithItsCodeAndChangesNothing(string field, string code)
    {
        var url = app.Receiver.UrlFor("limits-bad");
        await _http.CreateRouteAsync(Db, "kept", url, ""","max_dispatches_per_second":7""");

        var response = await _http.PutJsonAsync($"/route/{Db}/kept", $$"""{"type":"REST","webhook_url":"{{url}}",{{field}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var kept = await _http.GetJsonAsync($"/route/{Db}/kept");
        Assert.Equal(7, kept.GetProperty("max_dispatches_per_second").GetDouble());
        Assert.Equal(1, kept.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Post_LimitsOnAQueueRoute_Returns400()
    {
        var response = await _http.PostJsonAsync($"/route/{Db}", """{"id":"q","type":"QUEUE","max_dispatches_per_second":5}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("E052", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
