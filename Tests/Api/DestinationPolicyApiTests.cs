using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>The default destination policy on the shared node: link-local addresses (cloud metadata) are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class DestinationPolicyApiTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Fire_RouteToTheCloudMetadataAddress_FailsAtOnceNamingThePolicy()
    {
        await _http.CreateRouteAsync("policy", "metadata", "http://169.254.169.254/latest/meta-data/");

        await _http.CreateJobAsync("policy", "c", "j", RestCalls.Now, "metadata");

        var job = await _http.WaitForStatusAsync("/job/policy/c/j", "failed");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());   // refused, not retried
        var error = job.GetProperty("last_error").GetString()!;
        Assert.Contains("169.254.169.254", error);
        Assert.Contains("TimerGrid:Delivery:DeniedNetworks", error);
    }
}
