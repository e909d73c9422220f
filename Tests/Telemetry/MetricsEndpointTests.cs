using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> of a node run as its own process (so no other test's jobs count), scraped after a burst of
/// deliveries that succeed and deliveries that fail for good.
/// </summary>
public sealed class MetricsEndpointTests
{
    private const int Delivered = 20, DeadLettered = 2, MaxAttempts = 4;

    [Fact]
    public async Task Scrape_AfterABurst_CountsFiresDeliveriesRetriesAndLateness()
    {
        await using var node = await ProcessNode.StartAsync();
        var (http, receiver) = (node.Http, node.Receiver);
        await http.CreateRouteAsync("m", "ok", receiver.UrlFor("ok"));
        await http.CreateRouteAsync("m", "broken", receiver.UrlFor("broken", _ => new WebhookReceiver.Answer(500)), ""","circuit_breaker_threshold":100""");
        var due = RestCalls.Now + 1000;

        await Task.WhenAll(Enumerable.Range(0, Delivered).Select(i => http.CreateJobAsync("m", "burst", $"ok{i}", due, "ok"))
            .Concat(Enumerable.Range(0, DeadLettered).Select(i => http.CreateJobAsync("m", "burst", $"bad{i}", due, "broken"))));

        for (var i = 0; i < DeadLettered; i++)
        {
            await http.WaitForStatusAsync($"/job/m/burst/bad{i}", "failed");
        }
        for (var i = 0; i < Delivered; i++)
        {
            await http.WaitForStatusAsync($"/job/m/burst/ok{i}", "delivered");
        }
        var scrape = await PrometheusScrape.ReadAsync(http);
        const int fires = Delivered + DeadLettered;
        Assert.Equal(fires, scrape.Value("timergrid_jobs_created_total"));
        Assert.Equal(fires, scrape.Value("timergrid_fires_total"));
        Assert.Equal(Delivered, scrape.Value("timergrid_deliveries_total", ("outcome", "delivered"), ("status_class", "2xx")));
        Assert.Equal(DeadLettered * (MaxAttempts - 1), scrape.Value("timergrid_deliveries_total", ("outcome", "retry"), ("status_class", "5xx")));
        Assert.Equal(DeadLettered, scrape.Value("timergrid_deliveries_total", ("outcome", "failed"), ("status_class", "5xx")));
        Assert.Equal(DeadLettered * (MaxAttempts - 1), scrape.Value("timergrid_retries_total"));
        Assert.Equal(DeadLettered, scrape.Value("timergrid_dead_lettered_total"));
        Assert.Equal(fires + DeadLettered * (MaxAttempts - 1), scrape.Value("timergrid_delivery_duration_seconds_count"));
        // One lateness per fire, none per retry; every fire of the burst started within 5 s of its time.
        Assert.Equal(fires, scrape.Value("timergrid_lateness_seconds_count"));
        Assert.Equal(fires, scrape.Value("timergrid_lateness_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(fires, scrape.Value("timergrid_lateness_seconds_bucket", ("le", "5")));
        Assert.Contains(scrape.Names, name => name.StartsWith("orleans_"));
        Assert.True(scrape.Value("timergrid_reminders_refresh_duration_seconds_count") >= 1, "the reminder service's start-up read of its range is timed");
        await WaitForGaugesAsync(http, pending: 0, failed: DeadLettered);
    }

    [Fact]
    public async Task MetricsOff_NoScrapeEndpoint_JobsStillFire()
    {
        await using var node = await ProcessNode.StartAsync(settings => settings["TimerGrid:Telemetry:Metrics"] = "false");
        await node.Http.CreateRouteAsync("off", "r", node.Receiver.UrlFor("off"));

        await node.Http.CreateJobAsync("off", "c", "j", RestCalls.Now, "r");

        await node.Receiver.WaitForAsync("off/c/j");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await node.Http.GetAsync("/metrics")).StatusCode);
    }

    /// <summary>The job gauges count stored jobs, at most <c>StoredJobCounts.MaxAge</c> (10 s) old.</summary>
    private static async Task WaitForGaugesAsync(HttpClient http, int pending, int failed)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        PrometheusScrape scrape;
        do
        {
            await Task.Delay(500);
            scrape = await PrometheusScrape.ReadAsync(http);
        }
        while ((scrape.Value("timergrid_jobs_pending") != pending || scrape.Value("timergrid_jobs_failed") != failed) && DateTime.UtcNow < deadline);
        Assert.Equal(pending, scrape.Value("timergrid_jobs_pending"));
        Assert.Equal(failed, scrape.Value("timergrid_jobs_failed"));
    }
}
