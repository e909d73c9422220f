using System.Text.Json;
using System.Text.RegularExpressions;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Docs;

/// <summary>/docs: the API reference page and everything it loads come from the node itself (it must work offline).</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiReferenceTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Docs_ServesTheReferenceOfOurOpenApiDocumentWithNothingFromElsewhere()
    {
        var page = await _http.GetStringAsync("/docs/");

        var sources = Source().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("scalar.js", sources);
        Assert.DoesNotContain(sources, s => s.Contains("//"));
        Assert.Contains("\"withDefaultFonts\":false", page);   // Scalar's default fonts come from a CDN
        Assert.Contains("openapi/v1.json", page);
        foreach (var script in sources)
        {
            var response = await _http.GetAsync($"/docs/{script}");
            await response.EnsureOkAsync();
            Assert.Contains("javascript", response.Content.Headers.ContentType?.MediaType);
        }
        var document = await _http.GetJsonAsync("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/job/{db}/{collection}/{id}", out _));
    }

    [Fact]
    public async Task OpenApi_NativeEndpoints_ListEveryStatusWithTheShapeOfItsBody()
    {
        var document = await _http.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        var get = Responses(paths, "/job/{db}/{collection}/{id}", "get");
        Assert.Equal(["200", "400", "401", "403", "404", "429", "503"], get.EnumerateObject().Select(s => s.Name).Order());
        Assert.Equal("#/components/schemas/JobResponse", SchemaOf(get, "200"));
        Assert.All(["400", "404", "503"], status => Assert.Equal("#/components/schemas/ApiError", SchemaOf(get, status)));

        var create = Responses(paths, "/route/{db}", "post");
        Assert.Equal("#/components/schemas/StatusOk", SchemaOf(create, "200"));
        Assert.All(["409", "413"], status => Assert.Equal("#/components/schemas/ApiError", SchemaOf(create, status)));
        Assert.Equal("#/components/schemas/JobPageResponse", SchemaOf(Responses(paths, "/job/{db}/{collection}", "get"), "200"));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("JobResponse").GetProperty("properties").TryGetProperty("trigger_time", out _));   // as on the wire
    }

    private static JsonElement Responses(JsonElement paths, string path, string method) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses");

    private static string? SchemaOf(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Source();
}
