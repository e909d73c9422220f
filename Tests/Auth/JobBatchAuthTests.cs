using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Api.JobBatchApiTests;
using static TimerGrid.Tests.Auth.ApiKeyAuthTests;

namespace TimerGrid.Tests.Auth;

/// <summary>A batch create needs a write key for its db, as a single create does, and each job it creates is audited with the key as caller.</summary>
[Collection(AuthApiCollection.Name)]
public sealed class JobBatchAuthTests(AuthApiFixture app)
{
    private const long Far = 4_000_000_000_000;

    [Fact]
    public async Task Batch_WithReadKey_Returns403E033AndCreatesNothing()
    {
        var (_, key) = await app.CreateKeyAsync("breader", "read");
        using var reader = app.As(key);
        using var admin = app.As();
        await admin.CreateRouteAsync("breader", "r", "http://127.0.0.1:9/never");

        await AssertErrorAsync(await reader.PostJsonAsync("/job/breader/c/batch", Batch([Job("j", Far)])), HttpStatusCode.Forbidden, "E033");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/job/breader/c/j")).StatusCode);
    }

    [Fact]
    public async Task Batch_WithWriteKeyOfAnotherDb_Returns403E032()
    {
        var (_, key) = await app.CreateKeyAsync("belsewhere", "write");
        using var writer = app.As(key);

        await AssertErrorAsync(await writer.PostJsonAsync("/job/bother/c/batch", Batch([Job("j", Far)])), HttpStatusCode.Forbidden, "E032");
    }

    [Fact]
    public async Task Batch_WithWriteKey_CreatesEachJobAuditedWithTheKeyAsCaller()
    {
        var (id, key) = await app.CreateKeyAsync("bwriter", "write", "importer");
        using var writer = app.As(key);
        await writer.CreateRouteAsync("bwriter", "r", "http://127.0.0.1:9/never");

        var response = await writer.PostJsonAsync("/job/bwriter/c/batch", Batch([Job("a", Far), Job("b", Far)]));

        await response.EnsureOkAsync();
        var page = await writer.WaitForListAsync("/audit/bwriter?collection=c", "entries", e => e.Length >= 2);
        var added = page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("event").GetString() == "added").ToList();
        Assert.Equal(["a", "b"], added.Select(e => e.GetProperty("job_id").GetString()).Order());
        Assert.All(added, e => Assert.Equal($"importer ({id})", e.GetProperty("user").GetString()));
        Assert.All((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray(),
            r => Assert.Equal("ok", r.GetProperty("status").GetString()));
    }
}
