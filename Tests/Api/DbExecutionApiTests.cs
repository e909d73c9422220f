using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary><c>GET /executions/{db}</c>: a db's executions newest first, its failed ones alone, by collection, job and time.</summary>
[Collection(ApiCollection.Name)]
public sealed class DbExecutionApiTests(ApiFixture app)
{
    private const string Db = "dbexec";
    private readonly HttpClient _http = app.Http;

    private static readonly long Start = RestCalls.Now;

    /// <summary>Jobs fired at once with their scheduled times a second apart, oldest first: ok1, bad1, ok2, bad2 (bad: the receiver answers 500).</summary>
    private static readonly (string Collection, string Id, long Time)[] Jobs =
        [("c1", "ok1", Start - 4000), ("c1", "bad1", Start - 3000), ("c2", "ok2", Start - 2000), ("c2", "bad2", Start - 1000)];

    private async Task<List<JsonElement>> FiredAsync()
    {
        foreach (var (collection, id, time) in Jobs)
        {
            var route = $"{collection}-{id}";
            var answer = id.StartsWith("bad", StringComparison.Ordinal) ? new WebhookReceiver.Answer(500) : new WebhookReceiver.Answer(200);
            await _http.CreateRouteAsync(Db, route, app.Receiver.UrlFor($"{Db}/{route}", _ => answer));
            await _http.CreateJobAsync(Db, collection, id, time, route);   // again for the next test: the same body, a no-op
        }
        var page = await _http.WaitForListAsync($"/executions/{Db}", "executions",
            e => e.Count(x => State(x) is "succeeded" or "failed") == Jobs.Length);
        return [.. page.GetProperty("executions").EnumerateArray()];
    }

    private static string State(JsonElement e) => e.GetProperty("state").GetString()!;

    private static string JobId(JsonElement e) => e.GetProperty("job_id").GetString()!;

    private async Task<List<string>> JobIdsAsync(string query) =>
        [.. (await _http.GetJsonAsync($"/executions/{Db}{query}")).GetProperty("executions").EnumerateArray().Select(JobId)];

    [Fact]
    public async Task DbExecutions_OfFiredJobs_NewestFirstFilteredByFailedCollectionJobAndTime()
    {
        var all = await FiredAsync();

        Assert.Equal(["bad2", "ok2", "bad1", "ok1"], all.Select(JobId));
        Assert.Equal(Jobs.Select(j => j.Time).Reverse(), all.Select(x => x.GetProperty("scheduled_time").GetInt64()));
        Assert.Equal(["failed", "succeeded", "failed", "succeeded"], all.Select(State));
        Assert.Equal(["bad2", "bad1"], await JobIdsAsync("?failed=true"));
        Assert.Equal(["bad2", "ok2", "bad1", "ok1"], await JobIdsAsync("?failed=false"));
        Assert.Equal(["bad1"], await JobIdsAsync("?failed=true&collection=c1"));
        Assert.Equal(["ok2"], await JobIdsAsync("?collection=c2&job=ok2"));
        Assert.Empty(await JobIdsAsync("?failed=true&collection=c2&job=ok2"));
        Assert.Equal(["ok2", "bad1"], await JobIdsAsync($"?from={Jobs[1].Time}&to={Jobs[3].Time}"));
        Assert.Equal(["bad1"], await JobIdsAsync($"?failed=true&from={Jobs[1].Time}&to={Jobs[3].Time}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("&failed=true")]
    public async Task DbExecutions_PagedByCursor_EveryExecutionOnceInOrder(string filter)
    {
        await FiredAsync();
        var expected = await JobIdsAsync($"?limit=1000{filter}");

        var read = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _http.GetJsonAsync($"/executions/{Db}?limit=1{filter}{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
            read.AddRange(page.GetProperty("executions").EnumerateArray().Select(JobId));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(expected, read);
        Assert.NotEmpty(read);
    }

    [Fact]
    public async Task DbExecutions_UnknownDb_EmptyPage()
    {
        var page = await _http.GetJsonAsync("/executions/no-such-db?failed=true");

        Assert.Empty(page.GetProperty("executions").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("/executions/dbexec?failed=yes", "E027")]
    [InlineData("/executions/dbexec?failed=1", "E027")]
    [InlineData("/executions/dbexec?job=j", "E002")]
    [InlineData("/executions/dbexec?collection=a%20b", "E002")]
    [InlineData("/executions/b%20d", "E002")]
    [InlineData("/executions/*", "E002")]
    [InlineData("/executions/dbexec?from=10&to=5", "E022")]
    [InlineData("/executions/dbexec?to=soon", "E022")]
    [InlineData("/executions/dbexec?limit=1001", "E022")]
    [InlineData("/executions/dbexec?cursor=bogus", "E023")]
    public async Task DbExecutions_BadQuery_Returns400WithCode(string path, string code)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
