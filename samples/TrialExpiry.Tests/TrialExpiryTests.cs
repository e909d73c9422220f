using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Testing;
using TimerGrid.Testing.Webhooks;

namespace TimerGrid.TrialExpiry.Tests;

/// <summary>Months of timers in milliseconds: each test starts TimerGrid in-process and moves its clock.</summary>
public sealed class TrialExpiryTests
{
    private const string Secret = "whsec_c2FtcGxlLXNlY3JldC1mb3ItdGhlLXRyaWFsLXRlc3Rz";

    [Fact]
    public async Task Trial_EndsAfterThirtyDays_NotADayEarlier()
    {
        await using var grid = await TimerGridTestHost.StartAsync();
        using var http = grid.CreateHttpClient();
        var trials = new Trials(http, grid.Clock);
        await trials.SetUpAsync(grid.Webhooks.UrlFor("billing/trial-ended"), Secret);
        var started = grid.Now;

        await trials.StartAsync("acme");
        await grid.AdvanceAsync(TimeSpan.FromDays(29));
        Assert.Empty(grid.Webhooks.Received);

        await grid.AdvanceAsync(TimeSpan.FromDays(1));
        var ended = Assert.Single(grid.Webhooks.Received);
        Assert.Equal("saas/trials/acme", ended.Job);
        Assert.Equal(started + Trials.Length, ended.TriggerTime);
        Assert.Equal(started + Trials.Length, ended.ReceivedAt);   // on time to the millisecond, on the test clock
        Assert.Equal("acme", JsonDocument.Parse(ended.Body).RootElement.GetProperty("account").GetString());
        Assert.True(ended.HasValidSignature(Secret));
    }

    [Fact]
    public async Task NightlyReport_AcrossTheSpringDstChange_StaysAtNineLocalTime()
    {
        // Berlin moves its clocks forward on 28 March 2027: 09:00 local is 08:00 UTC before, 07:00 UTC after.
        await using var grid = await TimerGridTestHost.StartAsync(new() { StartTime = new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero) });
        using var http = grid.CreateHttpClient();
        (await http.PostAsJsonAsync("/route/saas", new { id = "reports", type = "REST", webhook_url = grid.Webhooks.UrlFor("reports") })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/job/saas/reports",
            new { id = "nightly", schedule = new { cron = "0 9 * * *", timezone = "Europe/Berlin" }, route = "reports" })).EnsureSuccessStatusCode();

        await grid.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Equal(
            [At(27, 8), At(28, 7), At(29, 7), At(30, 7)],
            grid.Webhooks.Received.Select(w => w.TriggerTime));
    }

    [Fact]
    public async Task Receiver_FailingTwice_GetsTheTrialEndAgainAfterEachBackoff()
    {
        await using var grid = await TimerGridTestHost.StartAsync();
        using var http = grid.CreateHttpClient();
        var trials = new Trials(http, grid.Clock);
        await trials.SetUpAsync(grid.Webhooks.UrlFor("billing/trial-ended"), Secret);
        grid.Webhooks.Answer("billing/trial-ended", WebhookAnswer.WithStatus(500), WebhookAnswer.WithStatus(500));

        await trials.StartAsync("globex");
        await grid.AdvanceAsync(Trials.Length + TimeSpan.FromMinutes(1));

        var attempts = grid.Webhooks.For("saas/trials/globex");
        Assert.Equal([500, 500, 200], attempts.Select(a => a.Answer.Status));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());   // one occurrence: the receiver can deduplicate
        Assert.True(attempts[1].ReceivedAt > attempts[0].ReceivedAt, "the retry waited for its backoff");
        var job = await http.GetFromJsonAsync<JsonElement>("/job/saas/trials/globex");
        Assert.Equal("delivered", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
    }

    private static DateTimeOffset At(int day, int hourUtc) => new(2027, 3, day, hourUtc, 0, 0, TimeSpan.Zero);
}
