using System.Net;
using System.Text.RegularExpressions;
using TimerGrid.Gateway.Ui;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Ui;

/// <summary>The dashboard's executions and audit pages over HTTP: what they list, their filters, paging and errors.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class RecordPagesTests(ApiFixture app)
{
    private const string Db = "uirec";
    private readonly HttpClient _http = app.Http;

    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;

    /// <summary>Job <c>ok</c> scheduled two hours ago and delivered, <c>bad</c> a minute ago and failed, <c>later</c> in a day and paused.</summary>
    private async Task FiredAsync()
    {
        await _http.CreateRouteAsync(Db, "ok", app.Receiver.UrlFor($"{Db}/ok"));
        await _http.CreateRouteAsync(Db, "bad", app.Receiver.UrlFor($"{Db}/bad", _ => new WebhookReceiver.Answer(500)));
        await _http.CreateJobAsync(Db, "c", "ok", Start.AddHours(-2).ToUnixTimeMilliseconds(), "ok");
        await _http.CreateJobAsync(Db, "c", "bad", Start.AddMinutes(-1).ToUnixTimeMilliseconds(), "bad");
        await _http.CreateJobAsync(Db, "c", "later", Start.AddDays(1).ToUnixTimeMilliseconds(), "ok");
        await (await _http.PostAsync($"/job/{Db}/c/later/pause", null)).EnsureOkAsync();
        await _http.WaitForListAsync($"/executions/{Db}", "executions", e => e.Count(x => x.GetProperty("state").GetString() is "succeeded" or "failed") == 2);
        await _http.WaitForListAsync($"/audit/{Db}?collection=c&job=later", "entries", e => e.Length >= 2);
    }

    private async Task<string> PageAsync(string path, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{path}: {(int)response.StatusCode}\n{html}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    private static string JobLink(string id) => $"href=\"/ui/jobs/{Db}/c/{id}\"";

    [Fact]
    public async Task ExecutionsPage_FiredJobs_ListedWithJobLinksAndFilteredByFailedAndTime()
    {
        await FiredAsync();

        var all = await PageAsync($"/ui/executions/{Db}");
        var failed = await PageAsync($"/ui/executions/{Db}?failed=1");
        var lastHour = await PageAsync($"/ui/executions/{Db}?from={UiRecordFilter.Format(Start.AddHours(-1))}");
        var before = await PageAsync($"/ui/executions/{Db}?to={UiRecordFilter.Format(Start.AddHours(-1))}");

        Assert.True(all.IndexOf(JobLink("bad"), StringComparison.Ordinal) < all.IndexOf(JobLink("ok"), StringComparison.Ordinal), "newest first");
        Assert.Contains("succeeded", all);
        Assert.Contains(JobLink("bad"), failed);
        Assert.DoesNotContain(JobLink("ok"), failed);
        Assert.Contains("checked", failed);
        Assert.Contains(JobLink("bad"), lastHour);
        Assert.DoesNotContain(JobLink("ok"), lastHour);
        Assert.Contains(JobLink("ok"), before);
        Assert.DoesNotContain(JobLink("bad"), before);
        Assert.Contains("id=\"empty\"", await PageAsync($"/ui/executions/{Db}?failed=1&to={UiRecordFilter.Format(Start.AddHours(-1))}"));
    }

    [Fact]
    public async Task ExecutionsPage_MoreThanAPage_NextPageLinkShowsTheRest()
    {
        const string db = "uipages";
        await _http.CreateRouteAsync(db, "r", app.Receiver.UrlFor($"{db}/r"));
        var now = RestCalls.Now;
        for (var i = 0; i <= UiRecordPages.PageSize; i++)
        {
            await _http.CreateJobAsync(db, "c", $"j{i}", now - 60_000 + i, "r");
        }
        await _http.WaitForListAsync($"/executions/{db}", "executions", e => e.Count(x => x.GetProperty("state").GetString() == "succeeded") == UiRecordPages.PageSize + 1);

        var first = await PageAsync($"/ui/executions/{db}");
        var next = WebUtility.HtmlDecode(NextPage().Match(first).Groups[1].Value);
        var second = await PageAsync(next);

        Assert.Equal(UiRecordPages.PageSize, JobLinks().Matches(first).Count);
        Assert.StartsWith($"/ui/executions/{db}?cursor=", next);
        Assert.Equal([$"/ui/jobs/{db}/c/j0"], JobLinks().Matches(second).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("next-page", second);
    }

    [Fact]
    public async Task AuditPage_ChangedJob_ShowsItsAddedAndPausedEntries()
    {
        await FiredAsync();

        var html = await PageAsync($"/ui/audit/{Db}");

        Assert.Contains(JobLink("later"), html);
        Assert.Contains("audit-event\">paused", html);
        Assert.Contains("audit-event\">added", html);
        Assert.True(html.IndexOf("audit-event\">paused", StringComparison.Ordinal) < html.IndexOf("audit-event\">added", StringComparison.Ordinal), "newest first");
        Assert.Contains("id=\"empty\"", await PageAsync($"/ui/audit/{Db}?to={UiRecordFilter.Format(Start.AddDays(-1))}"));
        await PageAsync("/ui/audit/*");
    }

    [Theory]
    [InlineData("/ui/executions/uirec?from=yesterday", "E022")]
    [InlineData("/ui/executions/uirec?from=2026-01-02T00:00&to=2026-01-01T00:00", "E022")]
    [InlineData("/ui/audit/uirec?to=2026-13-01T00:00", "E022")]
    [InlineData("/ui/executions/uirec?cursor=bogus", "E023")]
    [InlineData("/ui/audit/uirec?cursor=bogus", "E023")]
    [InlineData("/ui/executions/b%20d", "E002")]
    [InlineData("/ui/executions/*", "E002")]
    [InlineData("/ui/executions/uirec?collection=a%20b", "E002")]
    [InlineData("/ui/executions/uirec?failed=yes", "E027")]
    public async Task RecordPages_BadQuery_400PageNamingTheCode(string path, string code)
    {
        var html = await PageAsync(path, HttpStatusCode.BadRequest);

        Assert.Matches($"id=\"error\">[^<]*\\({code}\\)", html);
    }

    [GeneratedRegex("id=\"next-page\" href=\"([^\"]+)\"")]
    private static partial Regex NextPage();

    [GeneratedRegex("class=\"job\" href=\"([^\"]+)\"")]
    private static partial Regex JobLinks();
}
