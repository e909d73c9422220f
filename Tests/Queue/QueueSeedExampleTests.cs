using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>Each endpoint of seed 002 with the document's own examples.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueSeedExampleTests(QueueApiFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task DocumentExamples_EnqueueGetTakeUpdateDelete_AnswerAsTheDocumentShows()
    {
        await _http.DrainAsync();
        using var post = await _http.PostJsonAsync("/jobs", """{"queue": "myQueue", "params": {"param1": "foo"}}""");
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var location = post.Headers.Location!.OriginalString;
        Assert.Matches("^/jobs/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", location);
        var id = location["/jobs/".Length..];

        var queued = await _http.GetJsonAsync(location);
        AssertJob(queued, id, "queued", 1);

        using var take = await _http.PostAsync("/want_job/", null);   // the document's spelling, trailing slash
        Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        var taken = await take.Content.ReadFromJsonAsync<JsonElement>();
        AssertJob(taken, id, "running", 1);
        AssertJob(await _http.GetJsonAsync(location), id, "running", 1);

        using var put = await _http.PutJsonAsync(location, """{"status": "done", "result": "bar"}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var done = await put.Content.ReadFromJsonAsync<JsonElement>();
        AssertJob(done, id, "done", 1);
        Assert.Equal("bar", done.GetProperty("result").GetString());

        using var delete = await _http.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        var deleted = await delete.Content.ReadFromJsonAsync<JsonElement>();
        AssertJob(deleted, id, "done", 1);
        Assert.Equal("bar", deleted.GetProperty("result").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/job/default/queue/{id}")).StatusCode);
    }

    [Fact]
    public async Task WantJob_NoJobs_Returns204WithEmptyBody()
    {
        await _http.DrainAsync();
        using var response = await _http.PostAsync("/want_job", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SeedJob_IsANativeJob_InDbDefaultCollectionQueue_RoutedToItsQueue()
    {
        var id = await _http.EnqueueAsync("native-view", """{"a":[1,2]}""");
        var job = await _http.WaitForStatusAsync($"/job/default/queue/{id}", "delivered");
        Assert.Equal("native-view", job.GetProperty("route").GetString());
        Assert.Equal("""{"a":[1,2]}""", job.GetProperty("meta").GetRawText());
        var route = await _http.GetJsonAsync("/route/default/native-view");
        Assert.Equal("QUEUE", route.GetProperty("type").GetString());
    }

    [Fact]
    public async Task NativeJob_RoutedToAQueue_IsTakenWithItsMetaAsParams()
    {
        using var route = await _http.PostJsonAsync("/route/default", """{"id":"native-q","type":"QUEUE"}""");
        await route.EnsureOkAsync();
        await _http.CreateJobAsync("default", "native", "n1", RestCalls.Now, "native-q", """{"x":1}""");

        var job = await _http.WantJobAsync("native-q", ("X-Accepted-Block-For", "20"));

        Assert.NotNull(job);
        Assert.Equal("""{"x":1}""", job.Value.GetProperty("params").GetRawText());
        Assert.Equal("native-q", job.Value.GetProperty("queue").GetString());
        var id = job.Value.GetProperty("id").GetString()!;
        Assert.Equal("running", (await _http.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString());
        await _http.FinishAsync(id);
    }

    [Fact]
    public async Task Delete_RunningJob_CancelsIt_AndTheWorkersUpdateGets409()
    {
        var id = await _http.EnqueueAsync("cancel");
        var taken = await _http.WantJobAsync("cancel", ("X-Accepted-Timeout", "60"));
        Assert.Equal(id, taken!.Value.GetProperty("id").GetString());

        using var delete = await _http.DeleteAsync($"/jobs/{id}");
        Assert.Equal("cancelled", (await delete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var put = await _http.PutJsonAsync($"/jobs/{id}", """{"status":"done","result":1}""");

        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
        Assert.Equal("E043", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("cancelled", (await _http.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Put_RepeatedWithTheSameOutcome_Returns200WithTheJob_ADifferentOutcomeGets409()
    {
        var id = await _http.EnqueueAsync("put-twice");
        await _http.WantJobAsync("put-twice");
        var first = await _http.FinishAsync(id, "done", """{"r":1}""");

        using var again = await _http.PutJsonAsync($"/jobs/{id}", """{"status":"done","result":{"r":1}}""");   // a retry after a lost answer
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
        foreach (var different in new[] { """{"status":"failed","result":{"r":1}}""", """{"status":"done","result":{"r":2}}""" })
        {
            using var put = await _http.PutJsonAsync($"/jobs/{id}", different);
            Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
            Assert.Equal("E043", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task SeedJob_IsListed_WithItsAuditEntryAndItsExecutionIntoTheQueue()
    {
        var id = await _http.EnqueueAsync("records-view");

        var listed = await _http.GetJsonAsync("/job/default/queue?route=records-view");
        var job = Assert.Single(listed.GetProperty("jobs").EnumerateArray());
        Assert.Equal(id, job.GetProperty("id").GetString());
        Assert.Equal("delivered", job.GetProperty("status").GetString());
        var executions = await _http.WaitForListAsync($"/job/default/queue/{id}/executions", "executions", e => e.Length > 0);
        var execution = Assert.Single(executions.GetProperty("executions").EnumerateArray());
        Assert.Equal("succeeded", execution.GetProperty("state").GetString());
        Assert.Equal($"queued as {id}", execution.GetProperty("result").GetString());
        var audit = await _http.WaitForListAsync($"/audit/default?collection=queue&job={id}", "entries", e => e.Length > 0);
        Assert.Equal("added", Assert.Single(audit.GetProperty("entries").EnumerateArray()).GetProperty("event").GetString());
    }

    [Fact]
    public async Task SeedJobs_HaveTimeOrderedUuids_AndSoDoTheirExecutions()
    {
        var first = await _http.EnqueueAsync("time-ordered");
        await Task.Delay(5);   // version 7 orders by the millisecond
        var second = await _http.EnqueueAsync("time-ordered");

        Assert.Equal(7, Guid.Parse(first).Version);
        Assert.True(string.CompareOrdinal(first, second) < 0, $"{first} was made before {second}");
        var executions = await _http.WaitForListAsync($"/job/default/queue/{first}/executions", "executions", e => e.Length > 0);
        var execution = Assert.Single(executions.GetProperty("executions").EnumerateArray()).GetProperty("execution_id").GetString()!;
        Assert.Equal(7, Guid.ParseExact(execution, "N").Version);
    }

    [Fact]
    public async Task Get_WaitResult_ReturnsAsSoonAsTheWorkerFinishes()
    {
        var id = await _http.EnqueueAsync("wait-result");
        await _http.WantJobAsync("wait-result");
        var waiting = _http.SendAsync(QueueClient.Request(HttpMethod.Get, $"/jobs/{id}", null, ("X-Accepted-Wait-Result", "60")));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await _http.FinishAsync(id, "failed", """{"why":"no"}""");

        using var response = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Equal("""{"why":"no"}""", job.GetProperty("result").GetRawText());
    }

    private static void AssertJob(JsonElement job, string id, string status, int priority)
    {
        Assert.Equal(id, job.GetProperty("id").GetString());
        Assert.Equal(status, job.GetProperty("status").GetString());
        Assert.Equal(priority, job.GetProperty("priority").GetInt32());
        Assert.Equal("myQueue", job.GetProperty("queue").GetString());
        Assert.Equal("""{"param1": "foo"}""", job.GetProperty("params").GetRawText());
    }
}
