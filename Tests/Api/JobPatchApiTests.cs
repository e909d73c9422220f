using System.Text;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>PATCH /job changes only the fields it gives; a different trigger starts a new schedule, anything else keeps it.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobPatchApiTests(ApiFixture app)
{
    private const string Db = "patch";
    private const long FarFuture = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    private async Task<string> CreateAsync(string id, string fields)
    {
        await _http.CreateRouteAsync(Db, id, app.Receiver.UrlFor($"{Db}/{id}"));
        await (await _http.PostJsonAsync($"/job/{Db}/c", $$"""{"id":"{{id}}","route":"{{id}}",{{fields}}}""")).EnsureOkAsync();
        return $"{Db}/c/{id}";
    }

    private async Task PatchAsync(string key, string json) => await (await _http.PatchJsonAsync($"/job/{key}", json)).EnsureOkAsync();

    [Fact]
    public async Task Patch_TriggerTime_FiresAtTheNewTimeWithEverythingElseKept()
    {
        var key = await CreateAsync("time", $$""" "trigger_time":{{FarFuture}},"meta":{"v":1},"name":"kept" """);
        var at = RestCalls.Now + 1000;

        await PatchAsync(key, $$"""{"trigger_time":{{at}}}""");

        var webhook = (await app.Receiver.WaitForAsync(key)).Single();
        Assert.Equal(at.ToString(), webhook.Header("TimerGrid-Trigger-Time"));
        Assert.True(webhook.ReceivedAtMs >= at, "never early");
        Assert.Equal("""{"v":1}""", Encoding.UTF8.GetString(webhook.Body));
        var job = await _http.WaitForStatusAsync($"/job/{key}", "delivered");
        Assert.Equal("kept", job.GetProperty("name").GetString());
        Assert.Equal("time", job.GetProperty("route").GetString());
    }

    [Fact]
    public async Task Patch_MetaAndRoute_TheJobDeliversTheNewMetaToTheNewRouteAtItsOwnTime()
    {
        var at = RestCalls.Now - 1000;
        var key = await CreateAsync("move", $$""" "trigger_time":{{at}},"meta":{"v":1},"enabled":false """);
        await _http.CreateRouteAsync(Db, "elsewhere", app.Receiver.UrlFor($"{Db}/elsewhere"));

        await PatchAsync(key, """{"meta":{"v":2},"route":"elsewhere"}""");
        await PatchAsync(key, """{"enabled":true}""");

        var webhook = (await app.Receiver.WaitForAsync(key)).Single();
        Assert.Equal($"/{Db}/elsewhere", webhook.PathAndQuery);
        Assert.Equal("""{"v":2}""", Encoding.UTF8.GetString(webhook.Body));
        Assert.Equal(at.ToString(), webhook.Header("TimerGrid-Trigger-Time"));
    }

    [Fact]
    public async Task Patch_NameAndOptions_ChangeOnlyThemAndKeepTheSchedule()
    {
        var key = await CreateAsync("options", """ "schedule":{"cron":"0 3 1 1 *"},"misfire":"skip","name":"before","meta":{"k":"v"} """);
        var before = await _http.GetJsonAsync($"/job/{key}");

        await PatchAsync(key, """{"name":"after","misfire":"fire_all","allow_overlap":true,"catch_up_window_ms":60000}""");

        var after = await _http.GetJsonAsync($"/job/{key}");
        Assert.Equal("after", after.GetProperty("name").GetString());
        Assert.Equal("fire_all", after.GetProperty("misfire").GetString());
        Assert.True(after.GetProperty("allow_overlap").GetBoolean());
        Assert.Equal(60000, after.GetProperty("catch_up_window_ms").GetInt64());
        foreach (var field in new[] { "schedule", "next_fire_time", "meta", "route", "enabled", "status", "created_at" })
        {
            Assert.Equal(before.GetProperty(field).GetRawText(), after.GetProperty(field).GetRawText());
        }
        var audit = await _http.WaitForListAsync($"/audit/{Db}?collection=c&job=options", "entries", e => e.Length >= 2);
        var modified = audit.GetProperty("entries")[0];
        Assert.Equal("modified", modified.GetProperty("event").GetString());
        Assert.Contains("name 'before' => 'after'", modified.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Patch_Schedule_MakesAOneShotJobRecurring()
    {
        var key = await CreateAsync("kind", "\"trigger_time\":" + FarFuture);

        await PatchAsync(key, """{"schedule":{"interval":3600}}""");

        var job = await _http.GetJsonAsync($"/job/{key}");
        Assert.Equal(JsonValueKind.Null, job.GetProperty("trigger_time").ValueKind);
        Assert.Equal(3600, job.GetProperty("schedule").GetProperty("interval").GetInt64());
        Assert.InRange(job.GetProperty("next_fire_time").GetInt64(), RestCalls.Now, RestCalls.Now + 3_600_000);
    }

    [Fact]
    public async Task Patch_DeliveredJob_TheSameTriggerTimeKeepsItDeliveredANewOneFiresItAgain()
    {
        var first = RestCalls.Now;
        var key = await CreateAsync("again", "\"trigger_time\":" + first);
        var delivered = await _http.WaitForStatusAsync($"/job/{key}", "delivered");

        // A client sending back the job it read, with one field changed.
        await PatchAsync(key, $$"""{"id":"again","trigger_time":{{first}},"meta":{},"route":"again","name":"renamed"}""");

        var renamed = await _http.GetJsonAsync($"/job/{key}");
        Assert.Equal("delivered", renamed.GetProperty("status").GetString());
        Assert.Equal(delivered.GetProperty("delivered_at").GetInt64(), renamed.GetProperty("delivered_at").GetInt64());
        var second = RestCalls.Now;
        await PatchAsync(key, $$"""{"trigger_time":{{second}}}""");
        var webhooks = await app.Receiver.WaitForAsync(key, count: 2);
        Assert.Equal([$"{key}@{first}", $"{key}@{second}"], webhooks.Select(w => w.Header("webhook-id")));
        Assert.Equal("renamed", (await _http.WaitForStatusAsync($"/job/{key}", "delivered")).GetProperty("name").GetString());
    }
}
