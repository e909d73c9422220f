using TimerGrid.Grains.Interfaces.Dashboard;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dashboard;

/// <summary>Sends this silo's figures to the <see cref="IClusterStatsGrain"/> every <see cref="Interval"/>.</summary>
internal sealed partial class SiloStatsReporter(
    SiloStatsCollector collector,
    StoredJobCounts storedJobs,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    TimeProvider clock,
    ILogger<SiloStatsReporter> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloStatsReporter), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(ReportAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken) => _stopping.CancelAsync();

    private async Task ReportAsync()
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var counts = storedJobs.Latest;
                var sample = collector.Take(silo.SiloAddress.ToString(), clock.GetUtcNow().ToUnixTimeMilliseconds()) with
                {
                    PendingJobs = counts?.Scheduled,
                    FailedJobs = counts?.Failed,
                };
                try
                {
                    await grains.GetGrain<IClusterStatsGrain>(0).ReportAsync(sample);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReportFailed(e.Message);   // the dashboard misses these seconds; firing is not affected
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reporting the dashboard's figures failed: {Error}")]
    private partial void LogReportFailed(string error);
}
