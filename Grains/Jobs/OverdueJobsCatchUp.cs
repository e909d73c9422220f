using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Wakes every job whose reminder is already due: at silo start, and whenever a silo of the cluster is
/// declared dead. Orleans never replays a missed reminder tick: without this, jobs that fell due while
/// a node was down, or whose timers died with a silo, would wait up to a reminder period.
/// </summary>
internal sealed partial class OverdueJobsCatchUp(
    IStorageDialect dialect,
    IGrainFactory grains,
    IClusterMembershipService membership,
    IOptions<ClusterOptions> cluster,
    IOptions<FiringOptions> firing,
    TimeProvider clock,
    ILogger<OverdueJobsCatchUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string QueryKey = "TimerGridDueReminderGrainsKey";
    private const int Concurrency = 64;

    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OverdueJobsCatchUp), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: start-up must not wait for thousands of deliveries.
        _ = Task.Run(WakeDueJobsAsync, CancellationToken.None);
        _ = Task.Run(WatchForDeadSilosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task WatchForDeadSilosAsync()
    {
        var dead = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var died = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).Select(m => m.SiloAddress).ToList();
                if (died.Count > 0)
                {
                    LogSiloDied(string.Join(", ", died));
                    await WakeDueJobsAsync();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    private async Task WakeDueJobsAsync()
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var due = await ReadDueJobKeysAsync(clock.GetUtcNow().UtcDateTime + firing.Value.WakeLead);
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
                async (key, _) => await grains.GetGrain<IJobGrain>(key).WakeAsync());
            LogCaughtUp(due.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            // The reminders still fire these jobs, one reminder period late.
            LogCatchUpFailed(e);
        }
    }

    private async Task<List<string>> ReadDueJobKeysAsync(DateTime until)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = await QueryTextAsync(connection);
        AddParameter(command, "ServiceId", cluster.Value.ServiceId);
        AddParameter(command, "Until", until);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(GrainId.Parse(reader.GetString(0)).Key.ToString()!);
        }
        return keys;
    }

    private static async Task<string> QueryTextAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryText FROM OrleansQuery WHERE QueryKey = @QueryKey";
        AddParameter(command, "QueryKey", QueryKey);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"OrleansQuery lacks {QueryKey}");
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloAddress} declared dead; waking its due jobs")]
    private partial void LogSiloDied(string siloAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up woke {Count} due jobs in {ElapsedMs} ms")]
    private partial void LogCaughtUp(int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up failed; due jobs fire on their next reminder tick")]
    private partial void LogCatchUpFailed(Exception exception);
}
