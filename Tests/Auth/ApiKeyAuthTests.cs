using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>With keys required, every request needs a valid key for its db and a role high enough; refusals say why with a stable code.</summary>
[Collection(AuthApiCollection.Name)]
public sealed class ApiKeyAuthTests(AuthApiFixture app)
{
    [Fact]
    public async Task Request_WithoutKey_Returns401E030AndChangesNothing()
    {
        var response = await app.Anonymous.PostJsonAsync("/route/nokey", """{"id":"r","type":"REST","webhook_url":"http://127.0.0.1:1/x"}""");

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "E030");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        using var admin = app.As();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/route/nokey/r")).StatusCode);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer two tokens")]
    [InlineData("tg_0123456789abcdef")]
    public async Task Request_WithMalformedAuthorization_Returns401E030(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/route/shop/r");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        await AssertErrorAsync(await app.Anonymous.SendAsync(request), HttpStatusCode.Unauthorized, "E030");
    }

    [Theory]
    [InlineData("not-a-timergrid-key")]
    [InlineData("tg_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_WithUnknownKey_Returns401E031(string key)
    {
        using var http = app.As(key);

        await AssertErrorAsync(await http.GetAsync("/route/shop/r"), HttpStatusCode.Unauthorized, "E031");
    }

    [Fact]
    public async Task Request_WithRealIdButWrongSecret_Returns401E031()
    {
        var (id, _) = await app.CreateKeyAsync("shop", "read");
        using var http = app.As($"tg_{id}_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await AssertErrorAsync(await http.GetAsync("/route/shop/r"), HttpStatusCode.Unauthorized, "E031");
    }

    [Fact]
    public async Task RevokedKey_IsRefusedOnTheNextRequest()
    {
        var (id, key) = await app.CreateKeyAsync("revoke", "write");
        using var http = app.As(key);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/route/revoke/r")).StatusCode);
        using var admin = app.As();

        var revoked = await admin.DeleteAsync($"/admin/keys/{id}");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(JsonValueKind.Null, (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revoked_time").ValueKind);
        await AssertErrorAsync(await http.GetAsync("/route/revoke/r"), HttpStatusCode.Unauthorized, "E031");
        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/keys/{id}")).StatusCode);   // again: harmless
    }

    [Fact]
    public async Task KeyOfAnotherDb_Returns403E032()
    {
        var (_, key) = await app.CreateKeyAsync("shop", "admin");
        using var http = app.As(key);

        await AssertErrorAsync(await http.GetAsync("/route/other/r"), HttpStatusCode.Forbidden, "E032");
        await AssertErrorAsync(await http.GetAsync("/audit/other"), HttpStatusCode.Forbidden, "E032");
        await AssertErrorAsync(await http.GetAsync("/job/other/c/j/executions"), HttpStatusCode.Forbidden, "E032");
        await AssertErrorAsync(await http.GetAsync("/executions/other?failed=true"), HttpStatusCode.Forbidden, "E032");
    }

    [Fact]
    public async Task ReadKey_ReadsButCannotChange()
    {
        var (_, key) = await app.CreateKeyAsync("reader", "read");
        using var http = app.As(key);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/job/reader/c/j")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/audit/reader")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/executions/reader")).StatusCode);
        await AssertErrorAsync(await http.PostJsonAsync("/route/reader", """{"id":"r","type":"REST","webhook_url":"http://127.0.0.1:1/x"}"""), HttpStatusCode.Forbidden, "E033");
        await AssertErrorAsync(await http.DeleteAsync("/job/reader/c/j"), HttpStatusCode.Forbidden, "E033");
        await AssertErrorAsync(await http.PostJsonAsync("/job/reader/c/j/pause", ""), HttpStatusCode.Forbidden, "E033");
    }

    [Fact]
    public async Task WriteKey_ChangesJobsAndRoutesOfItsDb_ButNotKeys()
    {
        var (_, key) = await app.CreateKeyAsync("writer", "write");
        using var http = app.As(key);

        await http.CreateRouteAsync("writer", "r", app.Receiver.UrlFor("writer"));
        await http.CreateJobAsync("writer", "c", "j", RestCalls.Now + 3_600_000, "r");
        Assert.Equal(HttpStatusCode.OK, (await http.DeleteAsync("/job/writer/c/j")).StatusCode);
        await AssertErrorAsync(await http.GetAsync("/admin/keys"), HttpStatusCode.Forbidden, "E033");
        await AssertErrorAsync(await http.PostJsonAsync("/admin/keys", """{"db":"writer","role":"admin"}"""), HttpStatusCode.Forbidden, "E033");
    }

    [Fact]
    public async Task KeyOfAllDbs_ActsOnAnyDb()
    {
        var (_, key) = await app.CreateKeyAsync("*", "write");
        using var http = app.As(key);

        await http.CreateRouteAsync("any-one", "r", app.Receiver.UrlFor("any-one"));
        await http.CreateRouteAsync("any-two", "r", app.Receiver.UrlFor("any-two"));
    }

    [Fact]
    public async Task SchedulerApi_NeedsAKeyOfDbDefault_AndKeepsItsErrorShape()
    {
        var (_, otherDb) = await app.CreateKeyAsync("shop", "admin");
        var (_, defaultDb) = await app.CreateKeyAsync("default", "read");
        using var other = app.As(otherDb);
        using var reader = app.As(defaultDb);

        var anonymous = await app.Anonymous.GetAsync("/api/v1/jobs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True((await anonymous.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("error", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/v2/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostJsonAsync("/api/v1/jobs", """{"job_class_string":"r","name":"n"}""")).StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    public async Task HealthAndOpenApi_StayOpen(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task UnknownPath_NeedsAKey_ThenAnswers404()
    {
        var (_, key) = await app.CreateKeyAsync("shop", "read");
        using var http = app.As(key);

        await AssertErrorAsync(await app.Anonymous.GetAsync("/no/such/path"), HttpStatusCode.Unauthorized, "E030");
        await AssertErrorAsync(await http.GetAsync("/no/such/path"), HttpStatusCode.NotFound, "E016");
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
