using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Ui;

/// <summary>The dashboard's routes page: each route of a db with its recent delivery attempts, the share delivered and their latency.</summary>
[Collection(ApiCollection.Name)]
public sealed class RoutesPageTests(ApiFixture app)
{
    private const string Db = "routes-page";
    private const int Delivered = 3, MaxAttempts = 4;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task RoutesPage_AfterDeliveries_ShowsEachRoutesAttemptsShareDeliveredAndLatency()
    {
        await _http.CreateRouteAsync(Db, "ok", app.Receiver.UrlFor($"{Db}/ok"));
        await _http.CreateRouteAsync(Db, "broken", app.Receiver.UrlFor($"{Db}/broken", _ => new Answer(500)));
        await _http.CreateRouteAsync(Db, "idle", app.Receiver.UrlFor($"{Db}/idle"));
        for (var i = 0; i < Delivered; i++)
        {
            await _http.CreateJobAsync(Db, "c", $"ok{i}", RestCalls.Now, "ok");
        }
        await _http.CreateJobAsync(Db, "c", "bad", RestCalls.Now, "broken");
        await _http.WaitForStatusAsync($"/job/{Db}/c/bad", "failed");

        var page = await WaitForPageAsync(html => HtmlRow.Cells(html, "route-ok")?[3] == $"{Delivered}" && HtmlRow.Cells(html, "route-broken")?[3] == $"{MaxAttempts}");

        // route, type, target, then attempts, delivered, latency for the last 5 minutes and for the last hour
        var ok = HtmlRow.Cells(page, "route-ok")!;
        Assert.Equal(["ok", "rest", app.Receiver.UrlFor($"{Db}/ok"), $"{Delivered}", "100 %"], ok.Take(5));
        Assert.Equal([$"{Delivered}", "100 %"], ok.Skip(6).Take(2));
        Assert.Matches("^≤ [0-9.]+ m?s · ≤ [0-9.]+ m?s$", ok[5]);
        var broken = HtmlRow.Cells(page, "route-broken")!;
        Assert.Equal([$"{MaxAttempts}", "0 %"], broken.Skip(3).Take(2));
        Assert.Equal([$"{MaxAttempts}", "0 %"], broken.Skip(6).Take(2));
        var idle = HtmlRow.Cells(page, "route-idle")!;
        Assert.Equal(["0", "–", "– · –"], idle.Skip(3).Take(3));
    }

    /// <summary>Silos report every 2 s: the page is read until it shows what the test waits for.</summary>
    private async Task<string> WaitForPageAsync(Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string html;
        do
        {
            var response = await _http.GetAsync($"/ui/routes/{Db}");
            response.EnsureSuccessStatusCode();
            html = await response.Content.ReadAsStringAsync();
            if (done(html))
            {
                return html;
            }
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the routes page never showed the attempts; last page:\n{html}");
        return html;
    }
}
