using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>With keys required, the seed-002 surface is db <c>default</c>'s (a take naming another db, that db's): its keys work, others are refused.</summary>
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

    [Fact]
    public async Task QueueCalls_NamingAnotherDb_AreAuthorizedByThatDbsKey()
    {
        var (_, shopWorker) = await app.CreateKeyAsync("shop-q", "write");
        var (_, defaultWorker) = await app.CreateKeyAsync("default", "write");
        using var shop = app.As(shopWorker);
        await (await shop.PostJsonAsync("/route/shop-q", """{"id":"orders","type":"QUEUE"}""")).EnsureOkAsync();
        await shop.CreateJobAsync("shop-q", "native", "o1", RestCalls.Now, "orders", """{"order":1}""");

        using (var stranger = app.As(defaultWorker))
        {
            using var refused = await stranger.SendAsync(QueueClient.Request(HttpMethod.Post, "/want_job?db=shop-q", null));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("E032", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        using var take = await shop.SendAsync(QueueClient.Request(HttpMethod.Post, "/want_job", null, ("X-Accepted-Db", "shop-q"), ("X-Accepted-Block-For", "20")));
        await take.EnsureOkAsync();
        var job = await take.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("""{"order":1}""", job.GetProperty("params").GetRawText());
        var id = job.GetProperty("id").GetString()!;
        using var done = await shop.PutJsonAsync($"/jobs/{id}?db=shop-q", """{"status":"done"}""");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        using var withoutDb = await shop.GetAsync($"/jobs/{id}");   // db default's job, if it were one
        Assert.Equal(HttpStatusCode.Forbidden, withoutDb.StatusCode);
        using var enqueue = await shop.PostJsonAsync("/jobs?db=shop-q", """{"queue":"orders","params":{}}""");   // enqueues are db default's
        Assert.Equal(HttpStatusCode.Forbidden, enqueue.StatusCode);
    }
}
