using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary><c>keys create|list|revoke</c> against the node's storage, with the node stopped or running.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly TempDir _dataDir = new();
    private readonly Dictionary<string, string?> _settings;

    public KeysCommandTests()
    {
        _settings = TestSettings.For(_dataDir.Path);
        _settings["TimerGrid:Auth:Enabled"] = "true";
    }

    [Fact]
    public async Task KeysCreatedByTheCommand_WorkAgainstTheNode_StoppedOrRunning_AndRevokeStopsThem()
    {
        var beforeStart = await CreateAsync("shop", "write", "made offline");
        await using var node = await TimerGridProcess.StartAsync(FreePort.Next(), _settings);
        var whileRunning = await CreateAsync("*", "read");
        using var writer = Client(node, beforeStart);
        using var reader = Client(node, whileRunning);

        Assert.Equal(HttpStatusCode.OK, (await writer.PostJsonAsync("/route/shop", """{"id":"r","type":"REST","webhook_url":"http://127.0.0.1:1/x"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/route/shop/r")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.DeleteAsync("/route/shop/r")).StatusCode);

        var list = await SiloCommand.RunAsync(_settings, "keys", "list");
        Assert.Equal(0, list.ExitCode);
        var id = list.Output.Split('\n').Single(line => line.Contains("made offline")).Split('\t')[0];
        Assert.DoesNotContain(beforeStart, list.Output);

        var revoke = await SiloCommand.RunAsync(_settings, "keys", "revoke", id);
        Assert.Equal(0, revoke.ExitCode);
        // The command writes storage directly: the node's key grain reads it again within a second.
        await WaitForStatusAsync(writer, "/route/shop/r", HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(beforeStart[20..], node.Output);
    }

    [Theory]
    [InlineData(2, "keys")]
    [InlineData(2, "keys|create|--db|shop")]
    [InlineData(2, "keys|revoke")]
    [InlineData(2, "keys|rotate")]
    [InlineData(1, "keys|create|--db|shop|--role|owner")]
    [InlineData(1, "keys|create|--db|a b|--role|read")]
    [InlineData(1, "keys|revoke|0123456789abcdef")]
    public async Task Command_WithBadArguments_ExitsNonZeroWithAMessage(int exitCode, string args)
    {
        var result = await SiloCommand.RunAsync(_settings, args.Split('|'));

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.NotEqual("", result.Error.Trim());
    }

    private async Task<string> CreateAsync(string db, string role, string? name = null)
    {
        string[] args = name is null ? ["keys", "create", "--db", db, "--role", role] : ["keys", "create", "--db", db, "--role", role, "--name", name];
        var result = await SiloCommand.RunAsync(_settings, args);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output.Trim();
    }

    private static HttpClient Client(TimerGridProcess node, string key) =>
        new() { BaseAddress = node.Url, DefaultRequestHeaders = { Authorization = new("Bearer", key) } };

    private static async Task WaitForStatusAsync(HttpClient http, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        HttpStatusCode last;
        while ((last = (await http.GetAsync(path)).StatusCode) != status && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Equal(status, last);
    }

    public void Dispose() => _dataDir.Dispose();
}
