using Microsoft.Extensions.Options;
using TimerGrid.Grains.Dashboard;
using TimerGrid.Grains.Interfaces.Dashboard;
using TimerGrid.Grains.Interfaces.Telemetry;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Tests.Grains;

/// <summary>A silo's per-route counts for the routes page: bounded however many routes deliver, and empty with metrics off.</summary>
public sealed class RouteAttemptsTests
{
    [Fact]
    public void Take_MoreRoutesThanTracked_CountsTheRestOfEachDbTogether()
    {
        var attempts = new RouteAttempts(Options.Create(new TelemetryOptions()));
        for (var i = 0; i < RouteAttempts.MaxRoutes + 5; i++)
        {
            attempts.AttemptEnded("db", $"r{i}", DeliveryOutcomes.Delivered, 3);
        }
        attempts.AttemptEnded("db", "r0", DeliveryOutcomes.Retry, 30);
        attempts.AttemptEnded("other", "x", DeliveryOutcomes.Failed, 30_000);

        var routes = attempts.Take();

        Assert.Equal(RouteAttempts.MaxRoutes + 2, routes.Count);   // the 1,000 first, and the rest of each db
        Assert.Equal(5, routes.Single(r => r.Db == "db" && r.Route == RouteSample.OtherRoutes).Delivered);
        var first = routes.Single(r => r is { Db: "db", Route: "r0" });
        Assert.Equal((1, 1, 0), (first.Delivered, first.Retried, first.Failed));
        Assert.Equal(2, first.Latency.Sum());
        Assert.Equal(1, first.Latency[MillisecondBuckets.IndexOf(30)]);
        Assert.Equal(1, routes.Single(r => r.Db == "other").Failed);
        Assert.Empty(attempts.Take());
    }

    [Fact]
    public void AttemptEnded_MetricsOff_CountsNothing()
    {
        var attempts = new RouteAttempts(Options.Create(new TelemetryOptions { Metrics = false }));

        attempts.AttemptEnded("db", "r", DeliveryOutcomes.Delivered, 3);

        Assert.Empty(attempts.Take());
    }
}
