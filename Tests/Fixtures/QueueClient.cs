using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Tests.Fixtures;

/// <summary>The seed-002 calls tests make: <c>/jobs</c> and <c>/want_job</c> with <c>X-Accepted-*</c> headers.</summary>
public static class QueueClient
{
    /// <summary>POST /jobs; the job's uuid from its Location.</summary>
    public static async Task<string> EnqueueAsync(this HttpClient http, string queue, string parameters = "{}", params (string Name, string Value)[] headers)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, "/jobs", $$"""{"queue":"{{queue}}","params":{{parameters}}}""", headers));
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/jobs/", location);
        return location["/jobs/".Length..];
    }

    /// <summary>POST /want_job; the job, or null on 204.</summary>
    public static async Task<JsonElement?> WantJobAsync(this HttpClient http, string? queue = null, params (string Name, string Value)[] headers)
    {
        using var response = await http.SendAsync(Request(HttpMethod.Post, queue is null ? "/want_job" : $"/want_job?queue={queue}", null, headers));
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            return null;
        }
        await response.EnsureOkAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>PUT /jobs/{id} with <c>{status, result}</c>.</summary>
    public static async Task<JsonElement> FinishAsync(this HttpClient http, string id, string status = "done", string result = "\"bar\"")
    {
        using var response = await http.PutJsonAsync($"/jobs/{id}", $$"""{"status":"{{status}}","result":{{result}}}""");
        await response.EnsureOkAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Takes every job left in the queues (or all queues), so a test starts from empty ones.</summary>
    public static async Task DrainAsync(this HttpClient http, string? queue = null)
    {
        while (await http.WantJobAsync(queue) is { } job)
        {
            await http.FinishAsync(job.GetProperty("id").GetString()!);
        }
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
