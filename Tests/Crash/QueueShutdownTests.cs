using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Crash;

/// <summary>A node shutting down answers the workers blocked in want_job instead of dropping their connections.</summary>
public sealed class QueueShutdownTests : IDisposable
{
    private readonly TempDir _dataDir = new();

    [Fact]
    public async Task GracefulStop_WhileWorkersBlockInWantJob_Answers204()
    {
        await using var silo = await TimerGridProcess.StartAsync(FreePort.Next(), TestSettings.For(_dataDir.Path));
        using var http = new HttpClient { BaseAddress = silo.Url };
        var blocked = Enumerable.Range(0, 20)
            .Select(_ => http.SendAsync(QueueClient.Request(HttpMethod.Post, "/want_job", null, ("X-Accepted-Block-For", "120"))))
            .ToArray();
        await Task.Delay(1000);
        Assert.DoesNotContain(blocked, b => b.IsCompleted);

        await silo.StopAsync();

        foreach (var response in await Task.WhenAll(blocked))
        {
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _dataDir.Dispose();
}
