using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>A single node whose data volume (a real tmpfs) fills up and is freed again.</summary>
public sealed class FullDiskTests : IAsyncLifetime
{
    private const string Db = "full";
    private const int Jobs = 20;
    private readonly TmpfsVolume _volume = TmpfsVolume.Mount(32);
    private WebhookReceiver _receiver = null!;

    private string DatabasePath => Path.Combine(_volume.Path, SqliteStorage.FileName);

    [Fact]
    public async Task JobsDueWhileTheDiskIsFull_AreDeliveredOnceEach_AndTheirOutcomeIsWrittenOnceSpaceReturns()
    {
        var settings = TestSettings.For(_volume.Path);
        var port = FreePort.Next();
        await using (var node = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = node.Url };
            await http.CreateRouteAsync(Db, "r", _receiver.UrlFor(Db));
            await http.CreateJobBatchAsync(Db, "c", Jobs, RestCalls.Now + 4000, "r");
            await using (await SqliteFile.HoldReadAsync(DatabasePath))
            {
                _volume.Fill();
                var refused = await FirstRefusedCreateAsync(http);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Contains("E503", await refused.Content.ReadAsStringAsync());
                Assert.NotNull(refused.Headers.RetryAfter);

                for (var i = 0; i < Jobs; i++)
                {
                    await _receiver.WaitForAsync($"{Db}/c/{i}", timeout: TimeSpan.FromSeconds(30));
                }
                await Task.Delay(TimeSpan.FromSeconds(5));   // the overdue sweep runs every second: a job fired again would show by now
                AssertDeliveredOnceEach();
                Assert.Equal("delivered", (await http.GetJsonAsync($"/job/{Db}/c/0")).GetProperty("status").GetString());
            }
            _volume.Free();
            await http.WaitForStatusAsync($"/job/{Db}/c/{Jobs - 1}", "delivered");
            await WaitUntilStoredAsDeliveredAsync();
            node.Kill();
        }

        await using (var restarted = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = restarted.Url };
            await Task.Delay(TimeSpan.FromSeconds(3));   // start-up wakes every overdue job: none is
            AssertDeliveredOnceEach();
            await http.CreateJobAsync(Db, "c", "after", RestCalls.Now, "r");
            await _receiver.WaitForAsync($"{Db}/c/after");
        }
    }

    /// <summary>
    /// Creates far-off jobs of 128 KiB until one is refused. The first may still fit: a WAL restarted since it last grew
    /// overwrites its own file, which needs no new space.
    /// </summary>
    private static async Task<HttpResponseMessage> FirstRefusedCreateAsync(HttpClient http)
    {
        var meta = JsonSerializer.Serialize(new { pad = new string('x', 128 * 1024) });
        for (var i = 0; ; i++)
        {
            var response = await http.PostJsonAsync($"/job/{Db}/c", $$"""{"id":"late-{{i}}","trigger_time":{{RestCalls.Now + 600_000}},"meta":{{meta}},"route":"r"}""");
            if (!response.IsSuccessStatusCode || i == 32 * 8)   // 32 MiB: the whole volume
            {
                return response;
            }
        }
    }

    [Fact]
    public async Task WalCheckpoints_FailingOnAFullDisk_GoOnOnceSpaceReturns()
    {
        using var storage = (SqliteStorage)TestDialects.Sqlite(_volume.Path);
        await ExecuteAsync(storage, "PRAGMA journal_mode=WAL");   // as the node's migrations set it
        await ExecuteAsync(storage, "CREATE TABLE filler (b BLOB)");
        const long Blob = 4 * 1024 * 1024;
        await using (await SqliteFile.HoldReadAsync(DatabasePath))
        {
            await ExecuteAsync(storage, $"INSERT INTO filler VALUES (randomblob({Blob}))");   // in the WAL, past the held read
            _volume.Fill();
        }
        await Task.Delay(TimeSpan.FromSeconds(3));   // passes that find no room to copy the WAL into the database
        _volume.Free();
        var freed = _volume.FreeBytes;

        // The database file may have been extended already (sparse): the space its pages take is what tells.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_volume.FreeBytes > freed - Blob / 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the WAL was not copied into the database after space returned: checkpoints stopped when the disk was full");
            await Task.Delay(200);
        }
    }

    private void AssertDeliveredOnceEach() =>
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.Single(_receiver.For($"{Db}/c/{i}")));

    /// <summary>The job rows themselves (not the activations' memory) say delivered.</summary>
    private async Task WaitUntilStoredAsDeliveredAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var rows = await SqliteFile.QueryAsync(DatabasePath, "SELECT count(*) FROM tg_job_list WHERE db = $db AND status = 'delivered'", ("$db", Db));
            if (Convert.ToInt32(rows[0][0]) == Jobs)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{rows[0][0]} of {Jobs} jobs stored as delivered after space returned");
            await Task.Delay(250);
        }
    }

    private static async Task ExecuteAsync(SqliteStorage storage, string sql)
    {
        await using var connection = (SqliteConnection)await storage.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _volume.Dispose();
    }
}
