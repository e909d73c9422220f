using Microsoft.Extensions.Hosting;
using TimerGrid.Grains.Interfaces.Client;

namespace TimerGrid.GameServer;

/// <summary>Starts a few matches, each with an "end match" timer in TimerGrid, and stops the server once all have ended.</summary>
public sealed class MatchMaker(TimerGridClient timers, MatchBoard board, GameServerOptions options, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await timers.Routes(options.Db).CreateGrainAsync<IMatchTimers>("end-match", grainKey: "{id}");
        var matches = timers.Jobs(options.Db, "matches");
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 1; i <= options.Matches; i++)
        {
            var endsAt = DateTimeOffset.UtcNow.AddSeconds(2 + i);
            await matches.ScheduleAsync($"match-{run}-{i}", endsAt, new MatchEnd(i, Arena: i % 2 == 0 ? "desert" : "harbour"), route: "end-match");
            Console.WriteLine($"match-{run}-{i} started; it ends at {endsAt:HH:mm:ss.fff}");
        }
        board.Expect(options.Matches);
        await board.AllEnded.WaitAsync(stoppingToken);
        lifetime.StopApplication();
    }
}
