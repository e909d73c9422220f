using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;
using static TimerGrid.Tests.Api.JobBatchApiTests;

namespace TimerGrid.Tests.Crash;

/// <summary>kill -9 the single node while batches of 200 jobs are being created: every job a batch answered ok for fires after the restart.</summary>
public sealed class BatchKillRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int BatchSize = 200;
    private readonly TempDir _dataDir = new();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task KillDashNine_MidBatch_EveryJobAnsweredOkFiresAfterRestart(string storage)
    {
        var settings = await TestSettings.ForAsync(_dataDir.Path, storage);
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<string>();

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("bkill", "r", receiver.UrlFor("bkill"));
            var dueAt = RestCalls.Now + 5_000;
            var clients = Enumerable.Range(0, 3).Select(client => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    try
                    {
                        await CreateBatchAsync(http, $"c{client}-{n}", dueAt, acknowledged);
                    }
                    catch (HttpRequestException)
                    {
                        return;   // killed, most likely with this batch in flight
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 3 * BatchSize)
            {
                await Task.Delay(50);
            }
            silo.Kill();
            await Task.WhenAll(clients);
        }

        await using (await TimerGridProcess.StartAsync(port, settings))
        {
            foreach (var id in acknowledged)
            {
                await receiver.WaitForAsync($"bkill/c/{id}", timeout: TimeSpan.FromSeconds(90));
            }
            output.WriteLine($"{storage}: {acknowledged.Count} jobs answered ok before the kill, all fired after the restart; " +
                $"{receiver.Jobs.Count - acknowledged.Count} more from batches cut short also fired");
        }
    }

    private static async Task CreateBatchAsync(HttpClient http, string prefix, long dueAt, ConcurrentBag<string> acknowledged)
    {
        var response = await http.PostJsonAsync("/job/bkill/c/batch", Batch(Enumerable.Range(0, BatchSize).Select(i => Job($"{prefix}-{i}", dueAt))));
        await response.EnsureOkAsync();
        foreach (var result in (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray())
        {
            Assert.Equal("ok", result.GetProperty("status").GetString());
            acknowledged.Add(Id(result)!);
        }
    }

    public void Dispose() => _dataDir.Dispose();
}
