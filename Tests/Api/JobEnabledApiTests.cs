using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>
/// One enabled flag for every surface (create, PATCH, pause/resume): a disabled job does not fire, and a one-shot job
/// whose time passed while it was disabled fires as soon as it is enabled.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JobEnabledApiTests(ApiFixture app)
{
    private const string Db = "enabled";
    private readonly HttpClient _http = app.Http;

    private async Task<string> CreateAsync(string id, string fields)
    {
        await (await _http.PostJsonAsync($"/job/{Db}/c", $$"""{"id":"{{id}}","route":"r",{{fields}}}""")).EnsureOkAsync();
        return $"{Db}/c/{id}";
    }

    /// <summary>A job due now that fires: once it has, a disabled job due before it would have fired too.</summary>
    private async Task WitnessAsync(string id)
    {
        await app.Receiver.WaitForAsync(await CreateAsync(id, $"\"trigger_time\":{RestCalls.Now}"));
    }

    private static long TriggerTime(ReceivedWebhook webhook) => long.Parse(webhook.Header("TimerGrid-Trigger-Time"));

    [Fact]
    public async Task OneShot_CreatedDisabled_DoesNotFireAndFiresAtOnceWhenEnabledAfterItsTime()
    {
        await _http.CreateRouteAsync(Db, "r", app.Receiver.UrlFor(Db));
        var at = RestCalls.Now + 500;
        var key = await CreateAsync("created-off", $"\"trigger_time\":{at},\"enabled\":false");
        while (RestCalls.Now <= at)
        {
            await Task.Delay(100);
        }
        await WitnessAsync("witness-1");

        var disabled = await _http.GetJsonAsync($"/job/{key}");
        Assert.Empty(app.Receiver.For(key));
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("scheduled", disabled.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, disabled.GetProperty("next_fire_time").ValueKind);
        await (await _http.PatchJsonAsync($"/job/{key}", """{"enabled":true}""")).EnsureOkAsync();

        var webhook = (await app.Receiver.WaitForAsync(key)).Single();
        Assert.Equal(at, TriggerTime(webhook));
        var job = await _http.WaitForStatusAsync($"/job/{key}", "delivered");
        Assert.True(job.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task OneShot_DisabledByPatch_IsPausedAndResumeFiresIt()
    {
        await _http.CreateRouteAsync(Db, "r", app.Receiver.UrlFor(Db));
        var key = await CreateAsync("patched-off", "\"trigger_time\":4000000000000");
        var past = RestCalls.Now - 1000;

        await (await _http.PatchJsonAsync($"/job/{key}", $$"""{"enabled":false,"trigger_time":{{past}}}""")).EnsureOkAsync();
        await WitnessAsync("witness-2");

        Assert.Empty(app.Receiver.For(key));
        Assert.False((await _http.GetJsonAsync($"/job/{key}")).GetProperty("enabled").GetBoolean());
        await (await _http.PostAsync($"/job/{key}/resume", null)).EnsureOkAsync();
        Assert.Equal(past, TriggerTime((await app.Receiver.WaitForAsync(key)).Single()));
    }

    [Fact]
    public async Task Recurring_PausedIsDisabled_PatchEnabledResumesIt()
    {
        await _http.CreateRouteAsync(Db, "r", app.Receiver.UrlFor(Db));
        var key = await CreateAsync("recurring", """ "schedule":{"interval":1},"misfire":"skip" """);
        await app.Receiver.WaitForAsync(key);

        await (await _http.PostAsync($"/job/{key}/pause", null)).EnsureOkAsync();

        var paused = await _http.GetJsonAsync($"/job/{key}");
        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("next_fire_time").ValueKind);
        var resumedAt = RestCalls.Now;
        await (await _http.PatchJsonAsync($"/job/{key}", """{"enabled":true}""")).EnsureOkAsync();
        var after = await app.Receiver.WaitForAsync(key, count: app.Receiver.For(key).Count + 1);
        Assert.True(after[^1].ReceivedAtMs >= resumedAt);
        Assert.True((await _http.GetJsonAsync($"/job/{key}")).GetProperty("enabled").GetBoolean());
    }
}
