using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>Each key has its own token bucket: beyond it, 429 with a code and Retry-After; other keys are unaffected.</summary>
public sealed class RateLimitTests(RateLimitTests.Fixture app) : IClassFixture<RateLimitTests.Fixture>
{
    private const int Burst = 3;

    [Fact]
    public async Task Key_BeyondItsBurst_Gets429WithRetryAfter_OtherKeysDoNot()
    {
        var (_, first) = await app.CreateKeyAsync("limited", "read");
        var (_, second) = await app.CreateKeyAsync("limited", "read");
        using var http = app.As(first);
        using var other = app.As(second);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < Burst * 4 && limited is null; i++)
        {
            var response = await http.GetAsync("/route/limited/r");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count > Burst, $"limited after {statuses.Count - 1} requests");
        await ApiKeyAuthTests.AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "E034");
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/route/limited/r")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Key_WhoseBucketEmptied_IsServedAgainOnceItRefills()
    {
        var (_, key) = await app.CreateKeyAsync("refilled", "read");
        using var http = app.As(key);
        var sent = 0;
        while ((await http.GetAsync("/route/refilled/r")).StatusCode != HttpStatusCode.TooManyRequests)
        {
            Assert.True(++sent <= Burst * 4, $"not limited after {sent} requests");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        var status = HttpStatusCode.TooManyRequests;
        while (status == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = (await http.GetAsync("/route/refilled/r")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    public sealed class Fixture : AuthApiFixture
    {
        protected override Dictionary<string, string?> Settings(string dataDir)
        {
            var settings = base.Settings(dataDir);
            settings["TimerGrid:Auth:RateLimit:PermitsPerSecond"] = "1";
            settings["TimerGrid:Auth:RateLimit:Burst"] = Burst.ToString();
            return settings;
        }
    }
}
