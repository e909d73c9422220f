using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TimerGrid.Gateway.Errors;

namespace TimerGrid.Tests.Errors;

/// <summary>
/// What a client is told when the cluster fails a call: a refusal is a retryable 503 that changed nothing; a call not
/// answered in time may have been carried out, and the answer must not claim otherwise (a 10,000,000-job batch run got
/// 503 "nothing was changed" for four batches of 1,000 whose jobs were all created).
/// </summary>
public sealed class ClusterFaultAnswerTests
{
    [Fact]
    public async Task CallNotAnsweredInTime_Is504_SayingTheRequestMayHaveBeenCarriedOut()
    {
        var (status, retryAfter, body) = await AnswerAsync(new TimeoutException("Response did not arrive on time in 00:00:30"));

        Assert.Equal(504, status);
        Assert.Equal("1", retryAfter);
        Assert.Equal("E504", body.GetProperty("code").GetString());
        Assert.Contains("may still have been carried out", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task SiloUnavailable_Is503_NothingChanged()
    {
        var (status, retryAfter, body) = await AnswerAsync(new SiloUnavailableException("the silo left"));

        Assert.Equal(503, status);
        Assert.Equal("1", retryAfter);
        Assert.Equal("E503", body.GetProperty("code").GetString());
        Assert.Contains("nothing was changed", body.GetProperty("error").GetString());
    }

    private static async Task<(int Status, string? RetryAfter, JsonElement Body)> AnswerAsync(Exception exception)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/job/default/c/batch";
        context.Response.Body = new MemoryStream();

        Assert.True(await new ApiExceptionHandler(NullLogger<ApiExceptionHandler>.Instance).TryHandleAsync(context, exception, CancellationToken.None));

        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter, (await JsonDocument.ParseAsync(context.Response.Body)).RootElement);
    }
}
