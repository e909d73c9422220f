using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// At silo start, wakes every job whose reminder is already due. Orleans never replays a missed
/// reminder tick: without this, jobs that fell due while the node was down would wait up to a
/// reminder period after start.
/// </summary>
internal sealed partial class OverdueJobsCatchUp(
    IStorageDialect dialect,
    IGrainFactory grains,
    IOptions<ClusterOptions> cluster,
    IOptions<FiringOptions> firing,
    TimeProvider clock,
    ILogger<OverdueJobsCatchUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string QueryKey = "TimerGridDueReminderGrainsKey";
    private const int Concurrency = 64;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OverdueJobsCatchUp), ServiceLifecycleStage.Active, StartAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: start-up must not wait for thousands of deliveries.
        _ = Task.Run(WakeDueJobsAsync, CancellationToken.None);
        return Task.CompletedTask;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Start-up catch-up woke {Count} due jobs in {ElapsedMs} ms")]
    private partial void LogCaughtUp(int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Start-up catch-up failed; due jobs fire on their next reminder tick")]
    private partial void LogCatchUpFailed(Exception exception);
}
