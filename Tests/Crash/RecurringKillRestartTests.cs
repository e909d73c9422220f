using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Crash;

/// <summary>kill -9 the single node while recurring jobs fire; after the restart each misfire policy does what it says, and no occurrence fires twice.</summary>
public sealed class RecurringKillRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int MisfireThresholdMs = 2000;
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(7);
    private readonly TempDir _dataDir = new();
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task KillDashNine_RecurringJobs_MissedOccurrencesFollowEachMisfirePolicy()
    {
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:Firing:MisfireThreshold"] = TimeSpan.FromMilliseconds(MisfireThresholdMs).ToString();
        var port = FreePort.Next();
        string[] policies = ["fire_once", "skip", "fire_all"];

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("misfire", "r", _receiver.UrlFor("misfire"));
            foreach (var policy in policies)
            {
                var response = await http.PostJsonAsync("/job/misfire/c",
                    $$"""{"id":"{{policy}}","schedule":{"interval":1},"misfire":"{{policy}}","catch_up_window_ms":60000,"route":"r"}""");
                await response.EnsureOkAsync();
            }
            foreach (var policy in policies)
            {
                await _receiver.WaitForAsync($"misfire/c/{policy}", count: 2);
            }
            silo.Kill();
        }
        var before = policies.ToDictionary(p => p, p => _receiver.For($"misfire/c/{p}").Count);
        await Task.Delay(Downtime);

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            foreach (var policy in policies)
            {
                await _receiver.WaitForAsync($"misfire/c/{policy}", count: before[policy] + 4, timeout: TimeSpan.FromSeconds(60));
            }
            using var http = new HttpClient { BaseAddress = silo.Url };
            await AssertRecordsSurvivedAsync(http, policies);
        }

        var onceAfter = After("fire_once", before);
        var skipAfter = After("skip", before);
        output.WriteLine($"lateness after restart, fire_once: {string.Join(", ", onceAfter.Select(Lateness))}; skip: {string.Join(", ", skipAfter.Select(Lateness))}");
        // fire_once: one catch-up firing stands for the whole downtime (its occurrence is the first one missed), then the schedule goes on.
        Assert.Single(onceAfter, w => Lateness(w) > Downtime.TotalMilliseconds / 2);
        // skip: nothing missed by more than the threshold is delivered (a slow start may add a second of delivery lag).
        Assert.All(skipAfter, w => Assert.True(Lateness(w) < MisfireThresholdMs + 1500, $"skip delivered an occurrence {Lateness(w)} ms late"));
        // fire_all: every occurrence from the first to the last, none missing.
        var all = Distinct("fire_all");
        output.WriteLine($"fire_all: {string.Join(", ", all.Select(t => t - all[0]))}");
        Assert.Equal(Enumerable.Range(0, all.Count).Select(i => all[0] + i * 1000L), all);
        foreach (var policy in policies)
        {
            AssertNoneTwice(policy, before[policy]);
        }
    }

    /// <summary>The audit entries written before the kill are there; every succeeded execution matches a delivered webhook (none invented).</summary>
    private async Task AssertRecordsSurvivedAsync(HttpClient http, string[] policies)
    {
        var audit = await http.GetJsonAsync("/audit/misfire?collection=c");
        Assert.Equal(policies.Order(), audit.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("event").GetString() == "added").Select(e => e.GetProperty("job_id").GetString()!).Order());
        foreach (var policy in policies)
        {
            var executions = (await http.GetJsonAsync($"/job/misfire/c/{policy}/executions?limit=1000")).GetProperty("executions").EnumerateArray().ToList();
            // After the executions: the jobs keep firing, and an occurrence delivered between the two reads must be in both.
            var delivered = _receiver.For($"misfire/c/{policy}").Select(TriggerTime).ToHashSet();
            var succeeded = executions.Where(e => e.GetProperty("state").GetString() == "succeeded").Select(e => e.GetProperty("scheduled_time").GetInt64()).ToList();
            Assert.NotEmpty(succeeded);
            Assert.All(succeeded, t => Assert.Contains(t, delivered));
            Assert.Equal(executions.Count, executions.Select(e => e.GetProperty("execution_id").GetString()).Distinct().Count());
        }
    }

    private IReadOnlyList<ReceivedWebhook> After(string policy, Dictionary<string, int> before) => _receiver.For($"misfire/c/{policy}").Skip(before[policy]).ToList();

    private static long TriggerTime(ReceivedWebhook webhook) => long.Parse(webhook.Header("TimerGrid-Trigger-Time"));

    private static long Lateness(ReceivedWebhook webhook) => webhook.ReceivedAtMs - TriggerTime(webhook);

    private List<long> Distinct(string policy) => _receiver.For($"misfire/c/{policy}").Select(TriggerTime).Distinct().Order().ToList();

    /// <summary>At least once: only the occurrence in flight when the node died may come twice.</summary>
    private void AssertNoneTwice(string policy, int countBeforeKill)
    {
        var webhooks = _receiver.For($"misfire/c/{policy}");
        var lastBeforeKill = TriggerTime(webhooks[countBeforeKill - 1]);
        var repeated = webhooks.GroupBy(TriggerTime).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.All(t => t == lastBeforeKill), $"{policy} fired {string.Join(", ", repeated)} twice");
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
