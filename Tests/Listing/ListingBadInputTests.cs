using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>A bad listing query gets a 400 with a stable code and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class ListingBadInputTests(ApiFixture app) : IAsyncLifetime
{
    private readonly HttpClient _http = app.Http;

    public static TheoryData<string, string> Cases() => new()
    {
        { "/job/lbad/c?pagesize=0", "E026" },
        { "/job/lbad/c?pagesize=-1", "E026" },
        { "/job/lbad/c?pagesize=1001", "E026" },
        { "/job/lbad/c?pagesize=ten", "E026" },
        { "/job/lbad/c?pagesize=99999999999", "E026" },
        { "/job/lbad/c?page=0", "E026" },
        { "/job/lbad/c?page=-3", "E026" },
        { "/job/lbad/c?page=1.5", "E026" },
        { "/job/lbad/c?page=2&cursor=4000000000000:j", "E026" },
        { "/job/lbad/c?cursor=nonsense", "E023" },
        { "/job/lbad/c?cursor=12:a%2Fb", "E023" },
        { "/job/lbad/c?status=paused", "E027" },
        { "/job/lbad/c?status=Failed", "E027" },
        { "/job/lbad/c?enabled=yes", "E027" },
        { "/job/lbad/c?from=soon", "E022" },
        { "/job/lbad/c?from=-1", "E022" },
        { "/job/lbad/c?from=20&to=10", "E022" },
        { "/job/lbad/c?route=a%2Fb", "E002" },
        { "/job/lbad/c?name=" + new string('n', 201), "E024" },
        { "/job/lbad/c/byname/" + new string('n', 201), "E024" },
        { "/job/lbad/" + new string('c', 129), "E002" },
        { "/job/l*bad", "E002" },
        { "/route/lbad?pagesize=0", "E026" },
        { "/route/lbad?page=x", "E026" },
        { "/route/lbad?cursor=nonsense", "E023" },
        { "/route/l*bad", "E002" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Listing_BadQuery_Returns400WithCodeAndChangesNothing(string path, string code)
    {
        var before = await SnapshotAsync();

        using var response = await _http.GetAsync(path);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
        Assert.Equal(before, await SnapshotAsync());
    }

    public async Task InitializeAsync()
    {
        await _http.CreateRouteAsync("lbad", "r", "http://127.0.0.1:9/never");
        await _http.CreateNamedJobAsync("lbad", "c", "j", 4_000_000_000_000, "r", "kept");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> SnapshotAsync() =>
        (await _http.GetJsonAsync("/job/lbad/c")).GetRawText() + (await _http.GetJsonAsync("/job/lbad")).GetRawText()
        + (await _http.GetJsonAsync("/route/lbad")).GetRawText();
}
