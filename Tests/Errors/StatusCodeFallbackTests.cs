using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using TimerGrid.Gateway.Errors;

namespace TimerGrid.Tests.Errors;

/// <summary>A body-less error response keeps its status and gets the error body of the surface it belongs to.</summary>
public sealed class StatusCodeFallbackTests
{
    [Theory]
    [InlineData("/job/a/b/c", 400, "E001")]
    [InlineData("/nowhere", 404, "E016")]
    [InlineData("/job/a/b/c", 405, "E017")]
    [InlineData("/job/a/b", 413, "E009")]
    [InlineData("/job/a/b", 401, "E401")]
    [InlineData("/job/a/b", 403, "E403")]
    [InlineData("/job/a/b", 415, "E415")]
    [InlineData("/job/a/b", 429, "E429")]
    [InlineData("/health", 503, "E503")]
    public async Task Fallback_NativePath_KeepsStatusWithItsCode(string path, int status, string code)
    {
        var (actual, body) = await RunAsync(path, status);

        Assert.Equal(status, actual);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/nowhere", 404)]
    [InlineData("/api/v2/logs", 405)]
    [InlineData("/api/v1/jobs", 429)]
    public async Task Fallback_SchedulerPath_KeepsStatusInTheSeedShape(string path, int status)
    {
        var (actual, body) = await RunAsync(path, status);

        Assert.Equal(status, actual);
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
    }

    private static async Task<(int Status, JsonElement Body)> RunAsync(string path, int status)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.StatusCode = status;
        context.Response.Body = new MemoryStream();

        await StatusCodeFallback.WriteAsync(new StatusCodeContext(context, new StatusCodePagesOptions(), _ => Task.CompletedTask));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement);
    }
}
