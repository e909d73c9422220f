using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>Queues of any db: a worker names the db (<c>X-Accepted-Db</c> or <c>?db=</c>) as it names a queue; absent, db default.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueDbTests(QueueApiFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task NativeJob_RoutedToAQueueOfAnotherDb_IsTakenAndFinished_ByNamingThatDb()
    {
        await (await _http.PostJsonAsync("/route/qdb2", """{"id":"dbq","type":"QUEUE"}""")).EnsureOkAsync();
        await _http.CreateJobAsync("qdb2", "native", "d1", RestCalls.Now, "dbq", """{"d":1}""");

        Assert.Null(await _http.WantJobAsync("dbq"));   // db default has no such queue
        var job = await _http.WantJobAsync("dbq", ("X-Accepted-Db", "qdb2"), ("X-Accepted-Block-For", "20"));

        Assert.NotNull(job);
        Assert.Equal("""{"d":1}""", job.Value.GetProperty("params").GetRawText());
        var id = job.Value.GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/jobs/{id}")).StatusCode);
        Assert.Equal("running", (await _http.GetJsonAsync($"/jobs/{id}?db=qdb2")).GetProperty("status").GetString());
        using var done = await _http.PutJsonAsync($"/jobs/{id}?db=qdb2", """{"status":"done"}""");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
    }

    [Theory]
    [InlineData("/want_job?db=a/b")]
    [InlineData("/want_job?db=one&db=two")]
    [InlineData("/jobs/00000000-0000-0000-0000-000000000000?db=..")]
    public async Task Request_NamingNoValidDb_Returns400E040(string path)
    {
        var method = path.StartsWith("/want_job", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;
        using var response = await _http.SendAsync(QueueClient.Request(method, path, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("E040", await response.Content.ReadAsStringAsync());
    }
}
