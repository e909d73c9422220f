using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Upgrade;

/// <summary>
/// A node of this build started on a single node's database written by the previous release (Fixtures/, made by
/// make-fixture.sh): it migrates and serves every kind of state the release stored.
/// </summary>
public sealed partial class UpgradeTests : IAsyncLifetime
{
    private const string Release = "c0cf15e";
    private static readonly string Fixtures = Path.Combine(RepositoryRoot.Path, "Tests", "Upgrade", "Fixtures");
    private readonly TempDir _dataDir = new();
    private WebhookReceiver _receiver = null!;

    private string DatabasePath => Path.Combine(_dataDir.Path, "timergrid.db");

    [Fact]
    public async Task ThisBuild_OnThePreviousReleasesDatabase_MigratesAndServesEveryKindOfState()
    {
        File.Copy(Path.Combine(Fixtures, $"timergrid-{Release}.db"), DatabasePath);
        await PointWebhooksAtAsync(_receiver.Url);   // the release's receiver is gone; its routes point here now
        var queueItems = await QueueItemsByStatusAsync();
        await KeepRunningAsync(queueItems["running"]);
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:ServiceId"] = "timergrid";   // the default the release ran with: it keys every row
        settings["TimerGrid:Auth:Enabled"] = "true";
        // The release's finished jobs and records are kept 30 days by default: the fixture must outlive that.
        settings["TimerGrid:Jobs:FinishedRetention"] = "3650.00:00:00";
        settings["TimerGrid:Records:Retention"] = "3650.00:00:00";
        await using var node = await TimerGridProcess.StartAsync(FreePort.Next(), settings);
        var key = (await File.ReadAllTextAsync(Path.Combine(Fixtures, $"timergrid-{Release}.key"))).Trim();
        using var http = new HttpClient { BaseAddress = node.Url, DefaultRequestHeaders = { Authorization = new("Bearer", key) } };

        var migrations = (await SqliteFile.QueryAsync(DatabasePath, "SELECT name FROM tg_schema_migrations")).Select(r => (string)r[0]!).ToList();
        Assert.Contains(migrations, m => m.StartsWith("0018_", StringComparison.Ordinal));

        // keys: the release's admin key works, no key does not
        using (var anonymous = new HttpClient { BaseAddress = node.Url })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/job/shop/orders/far")).StatusCode);
        }

        // one-shot jobs: pending, overdue (fires once on start), delivered, failed; names, meta, listing, counts
        var far = await http.GetJsonAsync("/job/shop/orders/far");
        Assert.Equal(("scheduled", "order-1", 1), (far.GetProperty("status").GetString(), far.GetProperty("name").GetString(), far.GetProperty("meta").GetProperty("order").GetInt32()));
        Assert.Equal("far", (await http.GetJsonAsync("/job/shop/orders/byname/order-1")).GetProperty("id").GetString());
        await _receiver.WaitForAsync("shop/orders/overdue", timeout: TimeSpan.FromSeconds(30));
        await http.WaitForStatusAsync("/job/shop/orders/overdue", "delivered");
        Assert.Equal("delivered", (await http.GetJsonAsync("/job/shop/orders/delivered")).GetProperty("status").GetString());
        Assert.Equal("failed", (await http.GetJsonAsync("/job/shop/orders/failed")).GetProperty("status").GetString());
        Assert.Equal(4, (await http.GetJsonAsync("/job/shop/orders")).GetProperty("count").GetInt32());
        Assert.Equal(2, (await http.GetJsonAsync("/job/shop/orders?status=delivered")).GetProperty("count").GetInt32());

        // records written by the release
        Assert.NotEmpty((await http.GetJsonAsync("/job/shop/orders/delivered/executions")).GetProperty("executions").EnumerateArray());
        Assert.NotEmpty((await http.GetJsonAsync("/executions/shop?failed=true")).GetProperty("executions").EnumerateArray());
        Assert.Contains((await http.GetJsonAsync("/audit/shop?collection=orders&job=far")).GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("event").GetString() == "added");

        // recurring: the interval job goes on, the paused cron job stays paused
        await _receiver.WaitForAsync("shop/cron/tick", 2, TimeSpan.FromSeconds(30));
        Assert.False((await http.GetJsonAsync("/job/shop/cron/nightly")).GetProperty("enabled").GetBoolean());
        Assert.Equal("http://127.0.0.1:9/never", (await http.GetJsonAsync("/route/shop/dead")).GetProperty("webhook_url").GetString());

        // the scheduler API's job
        var scheduled = (await http.GetJsonAsync("/api/v1/jobs")).GetProperty("jobs").EnumerateArray().ToList();
        Assert.Contains(scheduled, j => j.GetProperty("name").GetString() == "weekly");

        // the queue: the queued job is taken, the finished one keeps its result, the running one is still running
        var taken = await http.WantJobAsync("work");
        Assert.Equal(queueItems["queued"], taken?.GetProperty("id").GetString());
        var finished = await http.GetJsonAsync($"/jobs/{queueItems["done"]}");
        Assert.Equal(("done", true), (finished.GetProperty("status").GetString(), finished.GetProperty("result").GetProperty("ok").GetBoolean()));
        Assert.Equal("running", (await http.GetJsonAsync($"/jobs/{queueItems["running"]}")).GetProperty("status").GetString());
    }

    private Task PointWebhooksAtAsync(Uri receiver) =>
        RewriteStatesAsync("GrainTypeString = 'route'", state => LoopbackReceiver().Replace(state, receiver.ToString()));

    /// <summary>
    /// The release's running job was taken for a day (make-fixture.sh): a day after the fixture was made it times out and
    /// is queued again. Its day starts now instead, as if the fixture had just been made (the release's trigger moves its
    /// queue index row with it).
    /// </summary>
    private Task KeepRunningAsync(string itemId)
    {
        var until = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds();
        return RewriteStatesAsync("GrainTypeString = 'queueitem' AND GrainIdExtensionString = $id",
            state => VisibilityEnd().Replace(state, $"\"$1\":{until}"), itemId);
    }

    /// <summary>Rewrites the JSON state of the release's grain rows that <paramref name="where"/> selects (<c>$id</c> is <paramref name="id"/>).</summary>
    private async Task RewriteStatesAsync(string where, Func<string, string> rewrite, string id = "")
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT rowid, CAST(PayloadBinary AS TEXT) FROM OrleansStorage WHERE {where}";
        read.Parameters.AddWithValue("$id", id);
        foreach (var row in await DbRows.ReadAllAsync(read))
        {
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE OrleansStorage SET PayloadBinary = CAST($state AS BLOB) WHERE rowid = $rowid";
            update.Parameters.AddWithValue("$state", rewrite((string)row[1]!));
            update.Parameters.AddWithValue("$rowid", row[0]);
            await update.ExecuteNonQueryAsync();
        }
    }

    private async Task<Dictionary<string, string>> QueueItemsByStatusAsync() =>
        (await SqliteFile.QueryAsync(DatabasePath, "SELECT status, item_id FROM tg_queue_items")).ToDictionary(r => (string)r[0]!, r => (string)r[1]!);

    /// <summary>The release's fixture receiver, not the dead route's port 9.</summary>
    [GeneratedRegex(@"http://127\.0\.0\.1:\d{3,5}/")]
    private static partial Regex LoopbackReceiver();

    /// <summary>A running queue job's visibility end in its state, which is also when it is due again.</summary>
    [GeneratedRegex("\"(visibleUntil|dueAt)\":\\d+")]
    private static partial Regex VisibilityEnd();

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
