using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>Unset, keys are off only on a single node listening on loopback only, which says so loudly; beyond loopback they are required.</summary>
public sealed class AuthModeTests : IDisposable
{
    private readonly TempDir _dataDir = new();

    [Theory]
    [InlineData("127.0.0.1", HttpStatusCode.NotFound, "API KEYS ARE OFF")]
    [InlineData("0.0.0.0", HttpStatusCode.Unauthorized, "API keys are required")]
    public async Task SingleNode_KeysRequiredUnlessListeningOnLoopbackOnly(string host, HttpStatusCode withoutKey, string logged)
    {
        var port = FreePort.Next();
        var settings = TestSettings.For(_dataDir.Path);
        settings["urls"] = $"http://{host}:{port}";

        await using var node = await TimerGridProcess.StartAsync(port, settings);
        using var http = new HttpClient { BaseAddress = node.Url };

        Assert.Equal(withoutKey, (await http.GetAsync("/route/mode/r")).StatusCode);
        // Logged once the node has started, which may be just after it first answered.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!node.Output.Contains(logged) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Contains(logged, node.Output);
        Assert.Equal(withoutKey, (await http.GetAsync("/route/mode/r")).StatusCode);
    }

    public void Dispose() => _dataDir.Dispose();
}
