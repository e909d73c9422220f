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

    [GeneratedRegex("(?:src|href)=\"([^\"]+)\"")]
    private static partial Regex Source();
}
