using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Api.JobBatchApiTests;

namespace TimerGrid.Tests.Api;

/// <summary>TimerGrid:MaxBatchBodyBytes limits batch bodies only: over it 413 E009, also for a client that writes the body before reading.</summary>
public sealed class JobBatchLimitTests : IAsyncLifetime
{
    private const long Far = 4_000_000_000_000;
    private ProcessNode _node = null!;

    [Fact]
    public async Task Batch_OverTheConfiguredLimit_Returns413E009AndCreatesNothing_ASingleCreateOfTheSameSizePasses()
    {
        var meta = new string('m', 100 * 1024);
        var job = $$"""{"id":"big","trigger_time":{{Far}},"route":"r","meta":"{{meta}}"}""";

        var batch = await _node.Http.PostJsonAsync("/job/blimit/c/batch", Batch([job]));
        var raw = await RawHttp.SendAsync(_node.Url, "POST", "/job/blimit/c/batch", 1024 * 1024);
        var single = await _node.Http.PostJsonAsync("/job/blimit/single", job);

        Assert.Equal(413, (int)batch.StatusCode);
        Assert.Equal("E009", (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(raw.Status == 413, $"{raw.Status} {raw.Body}");
        Assert.Equal("E009", JsonDocument.Parse(raw.Body).RootElement.GetProperty("code").GetString());
        Assert.Equal(0, (await _node.Http.GetJsonAsync("/job/blimit/c?pagesize=1")).GetProperty("count").GetInt64());
        await single.EnsureOkAsync();
    }

    public async Task InitializeAsync()
    {
        _node = await ProcessNode.StartAsync(settings => settings["TimerGrid:MaxBatchBodyBytes"] = "65536");
        await _node.Http.CreateRouteAsync("blimit", "r", "http://127.0.0.1:9/never");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();
}
