using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ServiceApiTests(ApiFixture app)
{
    [Fact]
    public async Task OpenApi_DescribesTheJobAndRouteApis()
    {
        var document = await app.Http.GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/job/{db}/{collection}", "/job/{db}/{collection}/{id}", "/route/{db}", "/route/{db}/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        var health = await app.Http.GetJsonAsync("/healthz");

        Assert.Equal("ok", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_ReportsTheClusterAndTheStorageReachable()
    {
        var ready = await app.Http.GetJsonAsync("/readyz");

        Assert.Equal("ok", ready.GetProperty("status").GetString());
        Assert.Contains("1 active silos", ready.GetProperty("checks").GetProperty("cluster").GetString());
        Assert.True(ready.GetProperty("checks").TryGetProperty("storage", out _));
    }
}
