using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Dispatch;

/// <summary>
/// A burst at a route with dispatch limits, seen from a real receiver: each job once, never more at once or in a
/// second than the route allows, in due order. Scaled down from the 2,000 jobs at 100/s (same behaviour, a
/// fifth of the time); the full-size figure belongs in bench/.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RouteLimitTests(ApiFixture app, ITestOutputHelper output)
{
    private const string Db = "limited";
    private const int Jobs = 400, Rate = 40, Concurrency = 2;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Burst_AtALimitedRoute_DeliversEachOnceWithinRateAndConcurrencyInDueOrder()
    {
        // 40 ms an answer: two at once could take 50/s, so both limits bind in turn.
        var url = app.Receiver.UrlFor(Db, _ => new Answer(200, Delay: TimeSpan.FromMilliseconds(40)));
        await _http.CreateRouteAsync(Db, "r", url, $$""","max_dispatches_per_second":{{Rate}},"max_concurrent_dispatches":{{Concurrency}}""");

        await _http.CreateJobBatchAsync(Db, "burst", Jobs, RestCalls.Now + 2000, "r", spacingMs: 1);

        await app.Receiver.WaitForArrivalsAsync($"{Db}/burst/", 1);
        Assert.Equal("scheduled", (await _http.GetJsonAsync($"/job/{Db}/burst/{Jobs - 1}")).GetProperty("status").GetString());
        for (var i = 0; i < Jobs; i++)
        {
            await app.Receiver.WaitForAsync($"{Db}/burst/{i}", timeout: TimeSpan.FromSeconds(60));
        }
        await _http.CreateJobAsync(Db, "burst", "witness", RestCalls.Now, "r");
        await app.Receiver.WaitForAsync($"{Db}/burst/witness");

        Assert.All(Enumerable.Range(0, Jobs), i => Assert.Single(app.Receiver.For($"{Db}/burst/{i}")));
        var arrivals = app.Receiver.ArrivalsMs($"{Db}/burst/");
        var busiestSecond = ArrivalWindows.MaxIn(arrivals);
        var took = arrivals[^1] - arrivals[0];
        output.WriteLine($"{Jobs} jobs in {took} ms; busiest second {busiestSecond} (limit {Rate}); most at once {app.Receiver.MaxInFlight(Db)}");
        Assert.True(app.Receiver.MaxInFlight(Db) <= Concurrency, $"{app.Receiver.MaxInFlight(Db)} requests at once, limit {Concurrency}");
        Assert.True(busiestSecond <= 1.2 * Rate, $"{busiestSecond} requests in one second, limit {Rate}");
        Assert.True(took >= (Jobs - 1.2 * Rate) * 1000 / Rate, $"{Jobs} jobs took {took} ms at {Rate}/s");
        var order = Enumerable.Range(0, Jobs).OrderBy(i => app.Receiver.For($"{Db}/burst/{i}")[0].ReceivedAtMs).ThenBy(i => i).ToList();
        var inOrder = order.Zip(order.Skip(1)).Count(p => p.First < p.Second);
        Assert.True(inOrder >= 0.95 * (Jobs - 1), $"only {inOrder} of {Jobs - 1} consecutive deliveries in due order");
    }

    [Fact]
    public async Task LimitChanged_WhileABacklogWaits_TakesEffectWithinASecond()
    {
        var url = app.Receiver.UrlFor($"{Db}-changed");
        await _http.CreateRouteAsync(Db, "changed", url, ""","max_dispatches_per_second":2""");
        await _http.CreateJobBatchAsync(Db, "changed", 100, RestCalls.Now, "changed");
        await app.Receiver.WaitForArrivalsAsync($"{Db}/changed/", 1);

        await (await _http.PutJsonAsync($"/route/{Db}/changed", $$"""{"type":"REST","webhook_url":"{{url}}"}""")).EnsureOkAsync();
        var lifted = RestCalls.Now;

        for (var i = 0; i < 100; i++)
        {
            await app.Receiver.WaitForAsync($"{Db}/changed/{i}");
        }
        var arrivals = app.Receiver.ArrivalsMs($"{Db}/changed/");
        Assert.True(arrivals[^1] - lifted < 3000, $"the backlog drained {arrivals[^1] - lifted} ms after the limit was lifted (at 2/s it takes 50 s)");
    }
}
