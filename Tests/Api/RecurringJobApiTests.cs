using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>Cron and interval jobs through the native API: each occurrence delivered, pause/resume, run now, end time, overlap.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecurringJobApiTests(ApiFixture app)
{
    private const string Db = "recurring";
    private readonly HttpClient _http = app.Http;

    private async Task<string> CreateAsync(string collection, string id, string schedule, string extra = "", WebhookReceiver.Answer? answer = null)
    {
        var route = $"{collection}-{id}";
        await _http.CreateRouteAsync(Db, route, app.Receiver.UrlFor($"{Db}/{route}", answer is null ? null : _ => answer));
        var response = await _http.PostJsonAsync($"/job/{Db}/{collection}",
            $$"""{"id":"{{id}}","schedule":{{schedule}},"meta":{"job":"{{id}}"},"route":"{{route}}"{{extra}}}""");
        await response.EnsureOkAsync();
        return $"{Db}/{collection}/{id}";
    }

    private static long TriggerTime(ReceivedWebhook webhook) => long.Parse(webhook.Header("TimerGrid-Trigger-Time"));

    [Fact]
    public async Task Interval_EverySecond_DeliversEachOccurrenceOnceWithItsOwnKey()
    {
        var key = await CreateAsync("interval", "tick", """{"interval":1}""");

        var webhooks = await app.Receiver.WaitForAsync(key, count: 3);

        var times = webhooks.Take(3).Select(TriggerTime).ToList();
        // Whole seconds apart, each once (on a starved machine a delivery may outlast a second: the next one is skipped).
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First && (pair.Second - pair.First) % 1000 == 0, $"{pair}"));
        Assert.Equal(3, webhooks.Take(3).Select(w => w.Header("webhook-id")).Distinct().Count());
        Assert.All(webhooks, w => Assert.True(w.ReceivedAtMs >= TriggerTime(w), "never early"));
        Assert.All(webhooks, w => Assert.Equal("""{"job":"tick"}""", System.Text.Encoding.UTF8.GetString(w.Body)));
        var job = await _http.GetJsonAsync($"/job/{key}");
        Assert.Equal("scheduled", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("schedule").GetProperty("interval").GetInt64());
        // A GET answers even during a delivery; then the occurrence in flight is still the next one.
        Assert.True(job.GetProperty("next_fire_time").GetInt64() >= times[^1]);
        Assert.Equal(JsonValueKind.Null, job.GetProperty("trigger_time").ValueKind);
    }

    [Fact]
    public async Task Cron_WithSeconds_FiresOnTheSecond()
    {
        var key = await CreateAsync("cron", "everysecond", """{"cron":"* * * * * *","timezone":"Europe/Berlin"}""");

        var webhooks = await app.Receiver.WaitForAsync(key, count: 2);

        Assert.All(webhooks, w => Assert.Equal(0, TriggerTime(w) % 1000));
        Assert.Equal(1000, TriggerTime(webhooks[1]) - TriggerTime(webhooks[0]));
    }

    [Fact]
    public async Task EndTime_Passed_JobCompletesAndStopsFiring()
    {
        var end = RestCalls.Now + 5000;
        var key = await CreateAsync("end", "short", $$"""{"interval":1,"end_time":{{end}}}""");

        var job = await _http.WaitForStatusAsync($"/job/{key}", "completed");

        Assert.Equal(JsonValueKind.Null, job.GetProperty("next_fire_time").ValueKind);
        var webhooks = app.Receiver.For(key);
        Assert.InRange(webhooks.Count, 1, 4);
        Assert.All(webhooks, w => Assert.True(TriggerTime(w) < end));
    }

    [Fact]
    public async Task Pause_ThenResume_StopsAndRestartsFiring()
    {
        var key = await CreateAsync("pause", "p", """{"interval":1}""", ""","misfire":"skip" """);
        await app.Receiver.WaitForAsync(key);

        await (await _http.PostAsync($"/job/{key}/pause", null)).EnsureOkAsync();
        var paused = await _http.GetJsonAsync($"/job/{key}");
        var countAtPause = app.Receiver.For(key).Count;
        await Task.Delay(2500);   // two occurrences come and go while paused

        Assert.False(paused.GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("next_fire_time").ValueKind);
        Assert.InRange(app.Receiver.For(key).Count, countAtPause, countAtPause + 1);   // at most one already in flight
        var resumedAt = RestCalls.Now;
        await (await _http.PostAsync($"/job/{key}/resume", null)).EnsureOkAsync();
        var after = await app.Receiver.WaitForAsync(key, count: app.Receiver.For(key).Count + 1);
        Assert.True(after[^1].ReceivedAtMs >= resumedAt);
        Assert.True((await _http.GetJsonAsync($"/job/{key}")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task RunNow_PausedJob_FiresOnceWithANewExecution()
    {
        var key = await CreateAsync("run", "r", """{"cron":"0 3 1 1 *"}""", ""","enabled":false""");

        var response = await _http.PostAsync($"/job/{key}/run", null);

        await response.EnsureOkAsync();
        var executionId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("execution_id").GetString();
        Assert.Matches("^[0-9a-f]{32}$", executionId);
        var webhook = (await app.Receiver.WaitForAsync(key)).Single();
        Assert.Equal($"{key}@{TriggerTime(webhook)}", webhook.Header("webhook-id"));
        Assert.False((await _http.GetJsonAsync($"/job/{key}")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task SlowReceiver_OccurrencesThatComeDuringDelivery_AreSkippedNotOverlapped()
    {
        var key = await CreateAsync("overlap", "slow", """{"interval":1}""", answer: new WebhookReceiver.Answer(200, Delay: TimeSpan.FromMilliseconds(2500)));

        var webhooks = await app.Receiver.WaitForAsync(key, count: 3, timeout: TimeSpan.FromSeconds(60));

        for (var i = 1; i < webhooks.Count; i++)
        {
            // The receiver records a webhook when it arrives and answers 2.5 s later: the next may only come after that.
            Assert.True(webhooks[i].ReceivedAtMs - webhooks[i - 1].ReceivedAtMs >= 2400, "a delivery started before the previous one ended");
            Assert.True(TriggerTime(webhooks[i]) - TriggerTime(webhooks[i - 1]) >= 2000, "occurrences during a delivery are skipped");
        }
        var executions = await _http.GetJsonAsync($"/job/{key}/executions");
        Assert.Contains(executions.GetProperty("executions").EnumerateArray(),
            e => e.GetProperty("state").GetString() == "skipped" && e.GetProperty("error").GetString()!.Contains("still running"));
    }

    [Fact]
    public async Task SlowReceiver_FireAll_OccurrencesThatComeDuringDelivery_FireAfterItOneByOne()
    {
        var key = await CreateAsync("overlap", "slow-all", """{"interval":1}""", """ ,"misfire":"fire_all" """,
            answer: new WebhookReceiver.Answer(200, Delay: TimeSpan.FromMilliseconds(1500)));

        var webhooks = await app.Receiver.WaitForAsync(key, count: 4, timeout: TimeSpan.FromSeconds(60));

        for (var i = 1; i < webhooks.Count; i++)
        {
            Assert.True(webhooks[i].ReceivedAtMs - webhooks[i - 1].ReceivedAtMs >= 1400, "a delivery started before the previous one ended");
        }
        var occurrences = webhooks.Select(TriggerTime).ToList();
        Assert.Equal(Enumerable.Range(0, occurrences.Count).Select(i => occurrences[0] + i * 1000L), occurrences);
        var executions = await _http.GetJsonAsync($"/job/{key}/executions");
        Assert.DoesNotContain(executions.GetProperty("executions").EnumerateArray(), e => e.GetProperty("state").GetString() == "skipped");
    }

    [Fact]
    public async Task Replace_PausedJob_StaysPaused()
    {
        var key = await CreateAsync("replace", "r", """{"interval":60}""", ""","enabled":false""");

        var response = await _http.PutJsonAsync($"/job/{key}", """{"schedule":{"cron":"*/5 * * * *"},"route":"replace-r"}""");

        await response.EnsureOkAsync();
        var job = await _http.GetJsonAsync($"/job/{key}");
        Assert.False(job.GetProperty("enabled").GetBoolean());
        Assert.Equal("*/5 * * * *", job.GetProperty("schedule").GetProperty("cron").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"/job/{key}/resume", null)).StatusCode);
        var resumed = await _http.GetJsonAsync($"/job/{key}");
        Assert.Equal(0, resumed.GetProperty("next_fire_time").GetInt64() % 300_000);
    }
}
