using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Configuration;

/// <summary>
/// A node's memory does not grow with the jobs it has ever touched: Orleans remembers every activation's location and
/// forgets none when the grain deactivates, so TimerGrid:DirectoryCacheSize bounds it (a one-hour run at 700 jobs/s
/// held 525,258 entries at 35 minutes for 4,311 live activations, on its way to Orleans' own bound of 1,000,000).
/// </summary>
public sealed class DirectoryCacheTests : IAsyncLifetime
{
    private const int CacheSize = 100;
    private const long Far = 4_000_000_000_000;
    private ProcessNode _node = null!;

    [Fact]
    public async Task JobsCreated_ManyMoreThanTheCacheHolds_TheCacheStaysWithinItsSize_AndEveryJobIsServed()
    {
        for (var batch = 0; batch < 5; batch++)
        {
            await _node.Http.CreateJobBatchAsync("dcache", $"c{batch}", 200, Far, "r");
        }

        var cached = (await PrometheusScrape.ReadAsync(_node.Http)).Value("orleans_directory_cache_size");
        Assert.NotNull(cached);
        Assert.InRange(cached.Value, 1, 2 * CacheSize);
        for (var batch = 0; batch < 5; batch++)
        {
            Assert.Equal(200, (await _node.Http.GetJsonAsync($"/job/dcache/c{batch}?pagesize=1")).GetProperty("count").GetInt64());
            Assert.Equal(Far, (await _node.Http.GetJsonAsync($"/job/dcache/c{batch}/{batch * 37}")).GetProperty("trigger_time").GetInt64());
        }
    }

    public async Task InitializeAsync()
    {
        _node = await ProcessNode.StartAsync(settings => settings["TimerGrid:DirectoryCacheSize"] = CacheSize.ToString());
        await _node.Http.CreateRouteAsync("dcache", "r", "http://127.0.0.1:9/never");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();
}
