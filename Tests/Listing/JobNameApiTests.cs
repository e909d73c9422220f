using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>A job's name is unique in its collection (storage enforces it on every write) and finds the job.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobNameApiTests(ApiFixture app)
{
    private const long Far = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Name_HeldByAnotherJobOfTheCollection_Returns409AndChangesNothing()
    {
        await _http.CreateRouteAsync("lnames", "r", "http://127.0.0.1:9/never");
        await _http.CreateNamedJobAsync("lnames", "c", "a", Far, "r", "alpha");
        await _http.CreateNamedJobAsync("lnames", "c", "b", Far + 1, "r", "beta");
        var before = await SnapshotAsync();

        await AssertNameTakenAsync(await _http.PostJsonAsync("/job/lnames/c", $$"""{"id":"c","trigger_time":{{Far}},"route":"r","name":"alpha"}"""));
        await AssertNameTakenAsync(await _http.PutJsonAsync("/job/lnames/c/b", $$"""{"trigger_time":{{Far + 5}},"route":"r","name":"alpha"}"""));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/job/lnames/c/c")).StatusCode);
        // The refused writes left the grains sound: the same calls with a free name go through.
        await (await _http.PutJsonAsync("/job/lnames/c/b", $$"""{"trigger_time":{{Far + 5}},"route":"r","name":"gamma"}""")).EnsureOkAsync();
        await _http.CreateNamedJobAsync("lnames", "c", "c", Far, "r", "beta");
        Assert.Equal(Far + 5, (await _http.GetJsonAsync("/job/lnames/c/byname/gamma")).GetProperty("trigger_time").GetInt64());
    }

    [Fact]
    public async Task Name_FreedByDeleteOrRename_OrInAnotherCollection_CanBeTaken()
    {
        await _http.CreateRouteAsync("lfree", "r", "http://127.0.0.1:9/never");
        await _http.CreateNamedJobAsync("lfree", "c", "a", Far, "r", "alpha");
        await _http.CreateNamedJobAsync("lfree", "other", "a", Far, "r", "alpha");
        await (await _http.DeleteAsync("/job/lfree/c/a")).EnsureOkAsync();
        await _http.CreateNamedJobAsync("lfree", "c", "b", Far, "r", "alpha");
        await (await _http.PutJsonAsync("/job/lfree/c/b", $$"""{"trigger_time":{{Far}},"route":"r","name":"renamed"}""")).EnsureOkAsync();
        await _http.CreateNamedJobAsync("lfree", "c", "c", Far, "r", "alpha");

        Assert.Equal("c", (await _http.GetJsonAsync("/job/lfree/c/byname/alpha")).GetProperty("id").GetString());
        Assert.Equal("b", (await _http.GetJsonAsync("/job/lfree/c/byname/renamed")).GetProperty("id").GetString());
        Assert.Equal("a", (await _http.GetJsonAsync("/job/lfree/other/byname/alpha")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ByName_ReturnsTheJobAsGetByIdDoes_Or404()
    {
        await _http.CreateRouteAsync("lbyname", "r", "http://127.0.0.1:9/never");
        await _http.CreateNamedJobAsync("lbyname", "c", "j", Far, "r", "Nightly report / ünïcode");

        var found = await _http.GetJsonAsync($"/job/lbyname/c/byname/{Uri.EscapeDataString("Nightly report / ünïcode")}");
        var unescaped = await _http.GetJsonAsync("/job/lbyname/c/byname/Nightly report / ünïcode");
        var missing = await _http.GetAsync("/job/lbyname/c/byname/nobody");

        Assert.Equal((await _http.GetJsonAsync("/job/lbyname/c/j")).GetRawText(), found.GetRawText());
        Assert.Equal(found.GetRawText(), unescaped.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("E004", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    private static async Task AssertNameTakenAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("E025", body.GetProperty("code").GetString());
    }

    private async Task<string> SnapshotAsync() =>
        (await _http.GetJsonAsync("/job/lnames/c?pagesize=100")).GetRawText() + (await _http.GetJsonAsync("/job/lnames/c/b")).GetRawText();
}
