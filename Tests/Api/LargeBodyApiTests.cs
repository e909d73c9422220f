using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>
/// A client that writes its whole body before reading (Python's urllib and requests, no <c>Expect: 100-continue</c>)
/// gets the 413 JSON for a body that is too large, not a broken pipe.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LargeBodyApiTests(ApiFixture app)
{
    private const long FiveMiB = 5 * 1024 * 1024;

    public static TheoryData<string, string, bool> NativeBodies() => new()
    {
        { "POST", "/job/big/c", false },
        { "POST", "/job/big/c", true },
        { "PUT", "/job/big/c/j", false },
        { "POST", "/route/big", false },
        { "PUT", "/route/big/r", true },
    };

    [Theory]
    [MemberData(nameof(NativeBodies))]
    public async Task Native_FiveMiBWithoutExpect_Returns413E009(string method, string path, bool chunked)
    {
        var response = await RawHttp.SendAsync(app.Http.BaseAddress!, method, path, FiveMiB, chunked);

        Assert.True(response.Status == 413, $"{response.Status} {response.Body}");
        Assert.Equal("E009", JsonDocument.Parse(response.Body).RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/v1/jobs")]
    [InlineData("PUT", "/api/v1/jobs/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/api/v2/executions")]
    public async Task Scheduler_FiveMiBWithoutExpect_Returns400InItsOwnShape(string method, string path)
    {
        var response = await RawHttp.SendAsync(app.Http.BaseAddress!, method, path, FiveMiB);

        Assert.True(response.Status == 400, $"{response.Status} {response.Body}");
        var error = JsonDocument.Parse(response.Body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("error").GetString()));
        Assert.False(error.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task Native_FarAboveTheHardLimit_MayCloseTheConnectionButTheServiceServesOn()
    {
        try
        {
            var response = await RawHttp.SendAsync(app.Http.BaseAddress!, "POST", "/job/big/c", 200L * 1024 * 1024);
            Assert.Equal(413, response.Status);
        }
        catch (IOException)
        {
            // allowed: the server may stop reading a body this large
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/job/big/c/j")).StatusCode);
    }
}
