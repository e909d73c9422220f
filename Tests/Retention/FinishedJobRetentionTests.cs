using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Grains.Jobs;
using TimerGrid.Grains.Storage;
using TimerGrid.Testing;
using TimerGrid.Testing.Webhooks;

namespace TimerGrid.Tests.Retention;

/// <summary>Finished jobs go once Jobs:FinishedRetention has passed; what is failed or still to come stays.</summary>
public sealed class FinishedJobRetentionTests
{
    [Fact]
    public async Task ThirtyOneDaysAfterTheyFinished_DeliveredAndCompletedJobsAreGoneFailedAndPendingOnesStay()
    {
        // One attempt: the failed job ends at once, whatever the route's circuit makes of its failure.
        var options = new TimerGridTestHostOptions { Settings = { ["TimerGrid:Delivery:MaxAttempts"] = "1" } };
        await using var grid = await TimerGridTestHost.StartAsync(options);
        using var http = grid.CreateHttpClient();
        grid.Webhooks.Answer("down", _ => WebhookAnswer.WithStatus(500));
        await CreateAsync(http, "/route/kit", new { id = "up", type = "REST", webhook_url = grid.Webhooks.UrlFor("up") });
        await CreateAsync(http, "/route/kit", new { id = "down", type = "REST", webhook_url = grid.Webhooks.UrlFor("down") });
        var start = grid.Now;
        await CreateAsync(http, "/job/kit/c", new { id = "delivered", trigger_time = start.AddMinutes(1).ToUnixTimeMilliseconds(), route = "up" });
        await CreateAsync(http, "/job/kit/c", new { id = "failed", trigger_time = start.AddMinutes(1).ToUnixTimeMilliseconds(), route = "down" });
        await CreateAsync(http, "/job/kit/c", new { id = "later", trigger_time = start.AddDays(60).ToUnixTimeMilliseconds(), route = "up" });
        await CreateAsync(http, "/job/kit/c", new
        {
            id = "ended", route = "up",
            schedule = new { interval = 60, end_time = start.AddMinutes(3).ToUnixTimeMilliseconds() },
        });
        await CreateAsync(http, "/job/kit/c", new { id = "hourly", route = "up", schedule = new { interval = 3600 } });

        await grid.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal("delivered", await StatusAsync(http, "delivered"));
        Assert.Equal("failed", await StatusAsync(http, "failed"));
        Assert.Equal("completed", await StatusAsync(http, "ended"));

        await grid.AdvanceAsync(TimeSpan.FromDays(29));
        await Task.Delay(TimeSpan.FromSeconds(1));   // a retention round, had it wrongly started, ends meanwhile
        Assert.Equal("delivered", await StatusAsync(http, "delivered"));

        // Retention runs on its own interval of the test clock: step it on until its round has come.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        await grid.AdvanceAsync(TimeSpan.FromDays(2));
        while ((await StatusAsync(http, "delivered") is not null || await StatusAsync(http, "ended") is not null) && DateTime.UtcNow < deadline)
        {
            await grid.AdvanceAsync(TimeSpan.FromMinutes(1));
            await Task.Delay(50);
        }

        Assert.Null(await StatusAsync(http, "delivered"));
        Assert.Null(await StatusAsync(http, "ended"));
        Assert.Equal("failed", await StatusAsync(http, "failed"));
        Assert.Equal("scheduled", await StatusAsync(http, "later"));
        Assert.Equal("scheduled", await StatusAsync(http, "hourly"));
        var listed = await http.GetFromJsonAsync<JsonElement>("/job/kit/c");
        Assert.Equal(["failed", "hourly", "later"], listed.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("id").GetString()).Order());
    }

    [Fact]
    public async Task ARoundThatFindsNothingExpired_NeitherWaitsForNorTakesTheWriter()
    {
        await using var grid = await TimerGridTestHost.StartAsync();
        using var http = grid.CreateHttpClient();
        await CreateAsync(http, "/route/kit", new { id = "up", type = "REST", webhook_url = grid.Webhooks.UrlFor("up") });
        await CreateAsync(http, "/job/kit/c", new { id = "delivered", trigger_time = grid.Now.AddMinutes(1).ToUnixTimeMilliseconds(), route = "up" });
        await grid.AdvanceAsync(TimeSpan.FromMinutes(2));   // finished, not expired: the round reads it and finds nothing due
        var retention = grid.Services.GetRequiredService<FinishedJobRetention>();
        var dialect = grid.Services.GetRequiredService<IStorageDialect>();

        // Another writer holds the node's single SQLite writer (the firing path's group commit, say) meanwhile.
        var release = new TaskCompletionSource();
        var holding = new TaskCompletionSource();
        var writer = dialect.WriteInTransactionAsync(async (_, _) =>
        {
            holding.SetResult();
            await release.Task;
        }, CancellationToken.None);
        await holding.Task;
        try
        {
            Assert.Equal(0, await retention.DeleteExpiredAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
        }
        finally
        {
            release.SetResult();
            await writer;
        }
        Assert.Equal("delivered", await StatusAsync(http, "delivered"));
    }

    private static async Task CreateAsync(HttpClient http, string path, object body) =>
        (await http.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();

    /// <summary>The job's status, or null when it is gone (404).</summary>
    private static async Task<string?> StatusAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync($"/job/kit/c/{id}");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }
}
