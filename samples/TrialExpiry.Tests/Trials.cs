using System.Net.Http.Json;

namespace TimerGrid.TrialExpiry.Tests;

/// <summary>
/// The code under test, as a SaaS backend would write it: a new account gets a 30-day trial, and TimerGrid tells the
/// billing service when it ends. It reads time from the <see cref="TimeProvider"/> it is given, so a test can hand it
/// TimerGrid's test clock.
/// </summary>
public sealed class Trials(HttpClient timerGrid, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromDays(30);

    /// <summary>Once, at deployment: where trial ends go, and the secret they are signed with.</summary>
    public async Task SetUpAsync(string billingWebhookUrl, string secret)
    {
        var route = await timerGrid.PostAsJsonAsync("/route/saas", new { id = "trial-ended", type = "REST", webhook_url = billingWebhookUrl, secret });
        route.EnsureSuccessStatusCode();
    }

    public async Task StartAsync(string account)
    {
        var ends = clock.GetUtcNow() + Length;
        var job = await timerGrid.PostAsJsonAsync("/job/saas/trials",
            new { id = account, trigger_time = ends.ToUnixTimeMilliseconds(), meta = new { account }, route = "trial-ended" });
        job.EnsureSuccessStatusCode();
    }
}
