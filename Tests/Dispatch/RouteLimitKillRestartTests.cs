using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Dispatch;

/// <summary>kill -9 the single node while a limited route's backlog waits: nothing is lost and the limit holds after the restart.</summary>
public sealed class RouteLimitKillRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Db = "lkill";
    private const int Jobs = 150, Rate = 20, WindowMs = 3000;
    private readonly TempDir _dataDir = new();
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task KillDashNine_WithAThrottledBacklog_EveryJobDeliveredAndTheLimitHoldsAfterRestart()
    {
        var settings = TestSettings.For(_dataDir.Path);
        var port = FreePort.Next();
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync(Db, "r", _receiver.UrlFor(Db), $$""","max_dispatches_per_second":{{Rate}}""");
            await http.CreateJobBatchAsync(Db, "c", Jobs, RestCalls.Now, "r");
            await _receiver.WaitForArrivalsAsync($"{Db}/c/", Rate);   // about a second into a backlog of seven
            silo.Kill();
        }
        var beforeKill = _receiver.ArrivalsMs($"{Db}/c/").Count;

        var restartedAt = RestCalls.Now;
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            var readyAt = RestCalls.Now;
            for (var i = 0; i < Jobs; i++)
            {
                await _receiver.WaitForAsync($"{Db}/c/{i}", timeout: TimeSpan.FromSeconds(60));
            }
            var after = _receiver.ArrivalsMs($"{Db}/c/").Where(ms => ms >= restartedAt).ToList();
            // Three seconds, not one: arrivals at a receiver in a busy test process come in bunches a second apart
            // (seen in CI), while a limit lost in the restart shows in any window (the backlog is over six seconds' worth).
            var busiest = ArrivalWindows.MaxIn(after, WindowMs);
            output.WriteLine($"{beforeKill} delivered before the kill, {after.Count} after the restart (ready in {readyAt - restartedAt} ms, "
                + $"drained {after[^1] - readyAt} ms later); busiest {WindowMs} ms after it {busiest} (limit {Rate}/s)");
            Assert.True(busiest <= 1.2 * Rate * WindowMs / 1000 + 1, $"{busiest} requests in {WindowMs} ms after the restart, limit {Rate}/s");
        }
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.NotEmpty(_receiver.For($"{Db}/c/{i}")));
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
