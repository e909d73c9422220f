using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Ui;

/// <summary>A dashboard page asked for with a bad address answers a page with the error and its code, at the code's status, not JSON.</summary>
[Collection(ApiCollection.Name)]
public sealed class UiErrorPageTests(ApiFixture app)
{
    [Theory]
    [InlineData("/ui/routes/bad%20db", "E002")]
    [InlineData("/ui/routes/uierr?after=bogus", "E023")]
    [InlineData("/ui/jobs/uierr/c?after=bogus", "E023")]
    [InlineData("/ui/jobs/uierr/c/b%20d", "E002")]
    public async Task Page_WithABadAddress_Is400PageNamingTheCode(string path, string code)
    {
        var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"({code})", await response.Content.ReadAsStringAsync());
    }
}
