using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Testing.Webhooks;

namespace TimerGrid.TrialExpiry.Tests;

/// <summary>Months of timers in milliseconds: TimerGrid runs in-process and each test moves its clock.</summary>
public sealed class TrialExpiryTests(BillingGrid billing) : IClassFixture<BillingGrid>
{
    [Fact]
    public async Task Trial_EndsAfterThirtyDays_NotADayEarlier()
    {
        var grid = billing.Grid;
        var started = grid.Now;

        await billing.Trials.StartAsync("acme");
        await grid.AdvanceAsync(TimeSpan.FromDays(29));
        Assert.Empty(grid.Webhooks.For("saas/trials/acme"));

        await grid.AdvanceAsync(TimeSpan.FromDays(1));
        var ended = Assert.Single(grid.Webhooks.For("saas/trials/acme"));
        Assert.Equal(started + Trials.Length, ended.TriggerTime);
        Assert.Equal(started + Trials.Length, ended.ReceivedAt);   // on time to the millisecond, on the test clock
        Assert.Equal("acme", JsonDocument.Parse(ended.Body).RootElement.GetProperty("account").GetString());
        Assert.True(ended.HasValidSignature(BillingGrid.Secret));
    }

    [Fact]
    public async Task Receiver_FailingTwice_GetsTheTrialEndAgainAfterEachBackoff()
    {
        var grid = billing.Grid;
        var earlier = grid.Webhooks.Received.Count(w => w.Url.AbsolutePath == "/billing/trial-ended");   // other tests' trials
        grid.Webhooks.Answer("billing/trial-ended", hit => hit - earlier <= 2 ? WebhookAnswer.WithStatus(500) : WebhookAnswer.Ok);

        await billing.Trials.StartAsync("globex");
        await grid.AdvanceAsync(Trials.Length + TimeSpan.FromMinutes(1));

        var attempts = grid.Webhooks.For("saas/trials/globex");
        Assert.Equal([500, 500, 200], attempts.Select(a => a.Answer.Status));
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());   // one occurrence: the receiver can deduplicate
        Assert.True(attempts[1].ReceivedAt > attempts[0].ReceivedAt, "the retry waited for its backoff");
        var job = await billing.Http.GetFromJsonAsync<JsonElement>("/job/saas/trials/globex");
        Assert.Equal("delivered", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task NightlyReport_AcrossTheSpringDstChange_StaysAtNineInTheMorningInBerlin()
    {
        var grid = billing.Grid;
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        await grid.AdvanceToAsync(NextSpringForward(grid.Now, berlin).AddDays(-2));
        (await billing.Http.PostAsJsonAsync("/route/saas", new { id = "reports", type = "REST", webhook_url = grid.Webhooks.UrlFor("reports") }))
            .EnsureSuccessStatusCode();
        (await billing.Http.PostAsJsonAsync("/job/saas/reports",
            new { id = "nightly", schedule = new { cron = "0 9 * * *", timezone = "Europe/Berlin" }, route = "reports" })).EnsureSuccessStatusCode();

        await grid.AdvanceAsync(TimeSpan.FromDays(4));

        var reports = grid.Webhooks.For("saas/reports/nightly").Select(w => w.TriggerTime).ToList();
        Assert.Equal(4, reports.Count);
        Assert.All(reports, report => Assert.Equal(new TimeSpan(9, 0, 0), TimeZoneInfo.ConvertTime(report, berlin).TimeOfDay));
        // The night the clocks went forward was an hour shorter, in UTC too.
        Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(23), TimeSpan.FromHours(24)], reports.Zip(reports.Skip(1), (a, b) => b - a));
        await billing.Http.DeleteAsync("/job/saas/reports/nightly");
    }

    /// <summary>The first hour after <paramref name="after"/> from which <paramref name="zone"/>'s clocks are an hour ahead.</summary>
    private static DateTimeOffset NextSpringForward(DateTimeOffset after, TimeZoneInfo zone)
    {
        var hour = new DateTimeOffset(after.Year, after.Month, after.Day, after.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        while (zone.GetUtcOffset(hour) <= zone.GetUtcOffset(hour.AddHours(-1)))
        {
            hour = hour.AddHours(1);
        }
        return hour;
    }
}
