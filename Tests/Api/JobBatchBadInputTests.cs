using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Api.JobBatchApiTests;

namespace TimerGrid.Tests.Api;

/// <summary>
/// A batch's bad jobs answer, at their place, the code a single create of the same body answers; a bad envelope, body
/// or path refuses the whole batch and creates nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class JobBatchBadInputTests(ApiFixture app) : IAsyncLifetime
{
    private const long Far = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    public static TheoryData<string> BadJobs() => new()
    {
        $$"""{"id":7,"trigger_time":{{Far}},"route":"r"}""",
        """{"id":"n","trigger_time":"1767659342626","route":"r"}""",
        """{"id":"n","trigger_time":1667659342,"route":"r"}""",
        """{"id":"n","route":"r"}""",
        $$"""{"id":"n","trigger_time":{{Far}}}""",
        $$"""{"trigger_time":{{Far}},"route":"r"}""",
        $$"""{"id":"a/b","trigger_time":{{Far}},"route":"r"}""",
        $$"""{"id":"..","trigger_time":{{Far}},"route":"r"}""",
        $$"""{"id":"n","trigger_time":{{Far}},"route":"no-such-route"}""",
        $$"""{"id":"n","trigger_time":{{Far}},"schedule":{"interval":5},"route":"r"}""",
        """{"id":"n","schedule":"*/5 * * * *","route":"r"}""",
        """{"id":"n","schedule":{"cron":"61 * * * *"},"route":"r"}""",
        """{"id":"n","schedule":{"interval":60},"misfire":"later","route":"r"}""",
        """{"id":"n","schedule":{"interval":60},"enabled":"no","route":"r"}""",
        """{"id":"n","schedule":{"interval":60},"name":"","route":"r"}""",
        $$"""{"id":"n","trigger_time":{{Far}},"route":"r","meta":"{{new string('x', 300 * 1024)}}"}""",
        $$"""{"id":"existing","trigger_time":{{Far + 1}},"route":"r"}""",
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public async Task BatchEntry_BadJob_HasTheCodeOfASingleCreate(string job)
    {
        var single = await _http.PostJsonAsync("/job/bbad/c", job);
        var singleCode = (await single.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

        var batch = await _http.PostJsonAsync("/job/bbad/c/batch", Batch([job, Job("good", Far)]));

        await batch.EnsureOkAsync();
        var results = (await batch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(singleCode, Code(results[0]));
        Assert.False(string.IsNullOrWhiteSpace(results[0].GetProperty("error").GetString()));
        Assert.Equal("ok", results[1].GetProperty("status").GetString());
        Assert.Equal(2, (await _http.GetJsonAsync("/job/bbad/c?pagesize=1")).GetProperty("count").GetInt64());   // existing and good
    }

    public static TheoryData<string, string> BadEnvelopes() => new()
    {
        { """[{"id":"n"}]""", "E028" },
        { "\"jobs\"", "E028" },
        { "{}", "E028" },
        { """{"jobs":{}}""", "E028" },
        { """{"jobs":null}""", "E028" },
        { """{"Jobs":[]}""", "E028" },
        { """{"jobs":[]}""", "E028" },
        { """{"jobs":[""", "E001" },
        { "", "E001" },
    };

    [Theory]
    [MemberData(nameof(BadEnvelopes))]
    public async Task Batch_BadEnvelope_Returns400AndCreatesNothing(string body, string code)
    {
        var response = await _http.PostJsonAsync("/job/benvelope/c/batch", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, (await _http.GetJsonAsync("/job/benvelope/c?pagesize=1")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Batch_OfMoreThanAThousand_Returns400E028AndCreatesNothing()
    {
        var response = await _http.PostJsonAsync("/job/bover/c/batch", Batch(Enumerable.Range(0, 1001).Select(i => Job($"j{i}", Far))));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("E028", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, (await _http.GetJsonAsync("/job/bover/c?pagesize=1")).GetProperty("count").GetInt64());
    }

    [Theory]
    [InlineData("/job/b%20d/c/batch")]
    [InlineData("/job/bbad/c%2Fx/batch")]
    public async Task Batch_BadDbOrCollection_Returns400E002(string path)
    {
        var response = await _http.PostJsonAsync(path, Batch([Job("n", Far)]));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("E002", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Batch_OverSixteenMiBWithoutExpect_Returns413E009(bool chunked)
    {
        var response = await RawHttp.SendAsync(_http.BaseAddress!, "POST", "/job/bbig/c/batch", 17L * 1024 * 1024, chunked);

        Assert.True(response.Status == 413, $"{response.Status} {response.Body}");
        Assert.Equal("E009", JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Batch_LargerThanASingleCreateMayBe_IsAccepted()
    {
        var meta = new string('m', 2 * 1024);
        var jobs = Enumerable.Range(0, 1000).Select(i => $$"""{"id":"j{{i}}","trigger_time":{{Far}},"route":"r","meta":"{{meta}}"}""");

        var response = await _http.PostJsonAsync("/job/bbad/big/batch", Batch(jobs));   // about 2 MiB: a single create takes 320 KiB

        await response.EnsureOkAsync();
        Assert.Equal(1000, (await _http.GetJsonAsync("/job/bbad/big?pagesize=1")).GetProperty("count").GetInt64());
    }

    public async Task InitializeAsync()
    {
        await _http.CreateRouteAsync("bbad", "r", "http://127.0.0.1:9/never");
        await _http.CreateJobAsync("bbad", "c", "existing", Far, "r");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
