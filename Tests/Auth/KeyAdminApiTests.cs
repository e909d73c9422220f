using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary><c>/admin/keys</c>: keys shown once, listed without material, revoked at once, each change and refusal audited.</summary>
[Collection(AuthApiCollection.Name)]
public sealed class KeyAdminApiTests(AuthApiFixture app)
{
    [Fact]
    public async Task Create_Returns201WithKeyShownOnce_AndListingNeverShowsIt()
    {
        using var admin = app.As();

        var response = await admin.PostJsonAsync("/admin/keys", """{"db":"listed","role":"write","name":"ci deploys"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        Assert.Equal("listed", created.GetProperty("db").GetString());
        Assert.Equal("write", created.GetProperty("role").GetString());
        Assert.StartsWith($"tg_{id}_", key);
        var listing = await (await admin.GetAsync("/admin/keys")).Content.ReadAsStringAsync();
        var listed = JsonDocument.Parse(listing).RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
        Assert.Equal("ci deploys", listed.GetProperty("name").GetString());
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.DoesNotContain(key, listing);
        Assert.DoesNotContain(key[(4 + id.Length)..], listing);
    }

    [Theory]
    [InlineData("""{"db":"shop","role":"owner"}""", "E035")]
    [InlineData("""{"db":"shop"}""", "E018")]
    [InlineData("""{"role":"read"}""", "E018")]
    [InlineData("""{"db":"a b","role":"read"}""", "E002")]
    [InlineData("""{"db":"shop","role":"read","name":""}""", "E024")]
    [InlineData("""{"db":7,"role":"read"}""", "E001")]
    [InlineData("""not json""", "E001")]
    public async Task Create_WithBadBody_Returns400WithCodeAndCreatesNothing(string body, string code)
    {
        using var admin = app.As();
        var before = await KeyCountAsync(admin);

        await ApiKeyAuthTests.AssertErrorAsync(await admin.PostJsonAsync("/admin/keys", body), HttpStatusCode.BadRequest, code);

        Assert.Equal(before, await KeyCountAsync(admin));
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("not-an-id")]
    public async Task Revoke_UnknownId_Returns404E036(string id)
    {
        using var admin = app.As();

        await ApiKeyAuthTests.AssertErrorAsync(await admin.DeleteAsync($"/admin/keys/{id}"), HttpStatusCode.NotFound, "E036");
    }

    [Fact]
    public async Task AdminOfOneDb_ManagesOnlyThatDbsKeys()
    {
        var (_, dbAdmin) = await app.CreateKeyAsync("tenant", "admin");
        var (otherId, _) = await app.CreateKeyAsync("elsewhere", "read");
        using var http = app.As(dbAdmin);

        var created = await http.PostJsonAsync("/admin/keys", """{"db":"tenant","role":"read"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ApiKeyAuthTests.AssertErrorAsync(await http.PostJsonAsync("/admin/keys", """{"db":"*","role":"read"}"""), HttpStatusCode.Forbidden, "E032");
        await ApiKeyAuthTests.AssertErrorAsync(await http.DeleteAsync($"/admin/keys/{otherId}"), HttpStatusCode.Forbidden, "E032");
        var listed = (await http.GetFromJsonAsync<JsonElement>("/admin/keys")).GetProperty("keys").EnumerateArray().ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, k => Assert.Equal("tenant", k.GetProperty("db").GetString()));
    }

    [Fact]
    public async Task KeyChangesAndRefusals_AreInTheAuditLog_WithTheKeyAsCaller()
    {
        var (writerId, writer) = await app.CreateKeyAsync("audited", "write", "deployer");
        using var http = app.As(writer);
        await http.CreateRouteAsync("audited", "r", app.Receiver.UrlFor("audited"));
        await http.CreateJobAsync("audited", "c", "j", RestCalls.Now + 3_600_000, "r");
        await http.GetAsync("/route/not-audited/r");                        // 403: another db
        await app.Anonymous.GetAsync("/job/audited/c/j");                   // 401: no key
        using var admin = app.As();
        await admin.DeleteAsync($"/admin/keys/{writerId}");

        var entries = await WaitForAuditAsync(admin, "/audit/audited", 4);
        var caller = $"deployer ({writerId})";
        Assert.Contains(entries, e => e.Event == "key_created" && e.JobId == writerId && e.User == "bootstrap");
        Assert.Contains(entries, e => e.Event == "added" && e.JobId == "j" && e.User == caller);
        Assert.Contains(entries, e => e.Event == "refused" && e.User == "anonymous" && e.Description.Contains("401 E030 GET /job/audited/c/j"));
        Assert.Contains(entries, e => e.Event == "key_revoked" && e.JobId == writerId && e.User == "bootstrap");
        var elsewhere = await WaitForAuditAsync(admin, "/audit/not-audited", 1);
        Assert.Contains(elsewhere, e => e.Event == "refused" && e.User == caller && e.Description.Contains("403 E032"));
    }

    [Fact]
    public async Task KeyMaterial_NeverAppearsInLogs()
    {
        var (id, key) = await app.CreateKeyAsync("logged", "read");
        using var http = app.As(key);
        await http.GetAsync("/route/logged/r");
        await http.GetAsync("/route/elsewhere/r");                          // refused: logged with the key's id
        using var admin = app.As();
        await admin.DeleteAsync($"/admin/keys/{id}");
        await http.GetAsync("/route/logged/r");                             // refused: revoked

        Assert.Contains(app.Logs.Lines, line => line.Contains(id));
        var secret = key[(4 + id.Length)..];
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(secret) || line.Contains(TestSettings.BootstrapKey));
    }

    private static async Task<int> KeyCountAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/admin/keys")).GetProperty("keys").GetArrayLength();

    private sealed record Entry(string Event, string JobId, string User, string Description);

    /// <summary>Audit entries are written by a batching writer: wait until at least <paramref name="count"/> are readable.</summary>
    private static async Task<List<Entry>> WaitForAuditAsync(HttpClient admin, string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var entries = (await admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("entries").EnumerateArray()
                .Select(e => new Entry(e.GetProperty("event").GetString()!, e.GetProperty("job_id").GetString()!,
                    e.GetProperty("user").GetString()!, e.GetProperty("description").GetString()!))
                .ToList();
            if (entries.Count >= count || DateTime.UtcNow > deadline)
            {
                return entries;
            }
            await Task.Delay(100);
        }
    }
}
