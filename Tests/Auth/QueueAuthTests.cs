using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>With keys required, the seed-002 surface is db <c>default</c>'s: its keys work, others are refused.</summary>
[Collection(AuthApiCollection.Name)]
public sealed class QueueAuthTests(AuthApiFixture app)
{
    [Theory]
    [InlineData("POST", "/jobs")]
    [InlineData("POST", "/want_job")]
    [InlineData("GET", "/jobs/00000000-0000-0000-0000-000000000000")]
    [InlineData("PUT", "/jobs/00000000-0000-0000-0000-000000000000")]
    [InlineData("DELETE", "/jobs/00000000-0000-0000-0000-000000000000")]
    public async Task QueueCall_WithoutKey_Returns401(string method, string path)
    {
        using var response = await app.Anonymous.SendAsync(QueueClient.Request(new HttpMethod(method), path, """{"queue":"q","params":{}}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("E030", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task QueueCalls_WithAKeyOfDbDefault_Work_AKeyOfAnotherDbIsRefused()
    {
        var (_, writer) = await app.CreateKeyAsync("default", "write");
        var (_, reader) = await app.CreateKeyAsync("default", "read");
        var (_, stranger) = await app.CreateKeyAsync("shop", "admin");
        using var worker = app.As(writer);

        var id = await worker.EnqueueAsync("auth-q");
        using (var readOnly = app.As(reader))
        {
            Assert.Equal("queued", (await readOnly.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString());
            using var take = await readOnly.PostAsync("/want_job", null);
            Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
        }
        using (var other = app.As(stranger))
        {
            using var take = await other.PostAsync("/want_job", null);
            Assert.Equal(HttpStatusCode.Forbidden, take.StatusCode);
            Assert.Equal("E032", (await take.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        Assert.Equal(id, (await worker.WantJobAsync("auth-q"))!.Value.GetProperty("id").GetString());
        await worker.FinishAsync(id);
    }
}
