using System.Collections.Concurrent;
using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Backup;

/// <summary><c>backup &lt;file&gt;</c> on a single node: a copy taken under load that a new node starts on.</summary>
public sealed class BackupCommandTests : IAsyncLifetime
{
    private const string Db = "bk";
    private const int DueJobs = 30;
    private readonly TempDir _live = new();
    private readonly TempDir _restored = new();
    private readonly TempDir _backups = new();
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task BackupUnderLoad_RestoredNodeHasAndFiresEveryJobAcknowledgedBeforeIt()
    {
        var settings = TestSettings.For(_live.Path);
        var backup = Path.Combine(_backups.Path, "timergrid-backup.db");
        var acknowledged = new ConcurrentBag<string>();
        long dueAt;
        await using (var node = await TimerGridProcess.StartAsync(FreePort.Next(), settings))
        {
            using var http = new HttpClient { BaseAddress = node.Url };
            await http.CreateRouteAsync(Db, "r", _receiver.UrlFor(Db));
            await (await http.PostJsonAsync($"/job/{Db}/rec", """{"id":"every2s","schedule":{"interval":2},"route":"r"}""")).EnsureOkAsync();
            using var load = new CancellationTokenSource();
            var creating = CreateUntilStoppedAsync(http, acknowledged, load.Token);   // created and fired around the backup
            await Task.Delay(1000);

            dueAt = RestCalls.Now + 10_000;
            await http.CreateJobBatchAsync(Db, "due", DueJobs, dueAt, "r");
            var beforeBackup = acknowledged.ToArray();
            var run = await SiloCommand.RunAsync(settings, "backup", backup);
            await Task.Delay(500);
            await load.CancelAsync();
            await creating;
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains("backed up", run.Output);
            Assert.False(File.Exists(backup + "-wal"), "the backup is one file");
            node.Kill();

            File.Copy(backup, Path.Combine(_restored.Path, "timergrid.db"));
            await using var restored = await TimerGridProcess.StartAsync(FreePort.Next(), TestSettings.For(_restored.Path));
            using var restoredHttp = new HttpClient { BaseAddress = restored.Url };
            foreach (var key in beforeBackup)
            {
                Assert.Equal(HttpStatusCode.OK, (await restoredHttp.GetAsync($"/job/{Db}/{key}")).StatusCode);
            }
            for (var i = 0; i < DueJobs; i++)
            {
                var arrived = await _receiver.WaitForAsync($"{Db}/due/{i}", timeout: TimeSpan.FromSeconds(45));
                Assert.True(arrived[0].ReceivedAtMs >= dueAt, $"job due/{i} fired before its time");
            }
            var ticksBefore = _receiver.For($"{Db}/rec/every2s").Count;
            await _receiver.WaitForAsync($"{Db}/rec/every2s", ticksBefore + 1, TimeSpan.FromSeconds(15));   // the recurring job goes on
        }
    }

    [Fact]
    public async Task Backup_RefusesWhatItCannotDo_AndWritesNothing()
    {
        var settings = TestSettings.For(_live.Path);
        var target = Path.Combine(_backups.Path, "copy.db");

        var noArguments = await SiloCommand.RunAsync(settings, "backup");
        Assert.Equal(2, noArguments.ExitCode);
        Assert.Contains("usage: backup <file>", noArguments.Error);

        var noDatabase = await SiloCommand.RunAsync(settings, "backup", target);
        Assert.Equal(1, noDatabase.ExitCode);
        Assert.Contains("no TimerGrid database", noDatabase.Error);
        Assert.False(File.Exists(target));

        File.WriteAllText(Path.Combine(_live.Path, "timergrid.db"), "");
        File.WriteAllText(target, "keep me");
        var exists = await SiloCommand.RunAsync(settings, "backup", target);
        Assert.Equal(1, exists.ExitCode);
        Assert.Contains("exists", exists.Error);
        Assert.Equal("keep me", File.ReadAllText(target));

        var onPostgres = await SiloCommand.RunAsync(new Dictionary<string, string?>(settings) { ["TimerGrid:Storage"] = "Postgres" }, "backup", Path.Combine(_backups.Path, "pg.db"));
        Assert.Equal(1, onPostgres.ExitCode);
        Assert.Contains("pg_dump", onPostgres.Error);
    }

    /// <summary>Jobs due a second after their creation, one after another; the keys of those acknowledged.</summary>
    private static async Task CreateUntilStoppedAsync(HttpClient http, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var response = await http.PostJsonAsync($"/job/{Db}/load", $$"""{"id":"{{i}}","trigger_time":{{RestCalls.Now + 1000}},"route":"r"}""");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                acknowledged.Add($"load/{i}");
            }
        }
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _live.Dispose();
        _restored.Dispose();
        _backups.Dispose();
    }
}
