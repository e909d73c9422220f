using Orleans;
using TimerGrid.Grains.Interfaces.Dispatch;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Dispatch;

/// <summary>
/// Routes without limits whose receiver pushes back (429) or goes down: the route slows down or pauses as a whole, and
/// no job is dead-lettered for it. Scaled down from the figures (2,000 jobs at a 50/s receiver; 100 jobs/s into
/// a 30 s outage): the same behaviour in a fraction of the time; the full-size runs belong in bench/.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReceiverPushbackTests(ApiFixture app, ITestOutputHelper output)
{
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Burst_AtAReceiverThatTakes30PerSecond_AllDeliveredNoneFailedFew429sAfterTheFirstSeconds()
    {
        const string Db = "pushback";
        const int Jobs = 300, Capacity = 30;
        var receiver = new RateCappedAnswers(Capacity);
        await _http.CreateRouteAsync(Db, "r", app.Receiver.UrlFor(Db, receiver.Next));

        await _http.CreateJobBatchAsync(Db, "burst", Jobs, RestCalls.Now, "r");

        for (var i = 0; i < Jobs; i++)
        {
            await _http.WaitForStatusAsync($"/job/{Db}/burst/{i}", "delivered", TimeSpan.FromSeconds(90));
        }
        var settled = receiver.FirstMs + 3000;
        var share = receiver.ThrottledShareSince(settled);
        var arrivals = app.Receiver.ArrivalsMs($"{Db}/burst/");
        output.WriteLine($"{Jobs} jobs delivered in {arrivals[^1] - arrivals[0]} ms; 429s after the first 3 s: {share:P1}");
        Assert.True(share < 0.15, $"{share:P1} of the answers after the first 3 s were 429: the route did not find the receiver's rate");
    }

    [Fact]
    public async Task ReceiverDown_WhileJobsFire_CircuitOpensProbesAndClosesOnRecoveryNoneFailed()
    {
        const string Db = "outage";
        const int Jobs = 120, SpacingMs = 50;
        var port = FreePort.Next();
        await _http.CreateRouteAsync(Db, "r", $"http://127.0.0.1:{port}/{Db}");
        var limiter = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IRouteLimiterGrain>($"{Db}/r");

        await _http.CreateJobBatchAsync(Db, "c", Jobs, RestCalls.Now, "r", SpacingMs);
        await WaitForStateAsync(limiter, DispatchState.OpenCircuit);
        await Task.Delay(4000);   // nobody listens on the port meanwhile: connections are refused
        await using var receiver = await WebhookReceiver.StartAsync(port);

        for (var i = 0; i < Jobs; i++)
        {
            await _http.WaitForStatusAsync($"/job/{Db}/c/{i}", "delivered", TimeSpan.FromSeconds(60));
        }
        var failedAttempts = 0;
        for (var i = 0; i < Jobs; i++)
        {
            failedAttempts += (await _http.GetJsonAsync($"/job/{Db}/c/{i}")).GetProperty("attempts").GetInt32() - 1;
        }
        output.WriteLine($"{failedAttempts} failed attempts for {Jobs} jobs fired at {1000 / SpacingMs}/s into the outage");
        Assert.True(failedAttempts <= 25, $"{failedAttempts} failed attempts: the circuit did not hold the route back");
        Assert.Equal(DispatchState.Dispatching, (await limiter.GetStatusAsync()).State);
        var scrape = await PrometheusScrape.ReadAsync(_http);
        Assert.True(scrape.Value("timergrid_circuits_opened_total") >= 1);
    }

    private static async Task WaitForStateAsync(IRouteLimiterGrain limiter, DispatchState state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await limiter.GetStatusAsync()).State != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the route never reached {state}");
            await Task.Delay(50);
        }
    }
}
