using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Tests.Fixtures;

/// <summary>The REST calls tests make, spelled as a user would send them.</summary>
public static class RestCalls
{
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, string json) =>
        http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, string json) =>
        http.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string path, string json) =>
        http.PatchAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task CreateRouteAsync(this HttpClient http, string db, string id, string url, string extra = "")
    {
        var response = await http.PostJsonAsync($"/route/{db}", $$"""{"id":"{{id}}","type":"REST","webhook_url":"{{url}}"{{extra}}}""");
        await response.EnsureOkAsync();
    }

    public static async Task CreateJobAsync(this HttpClient http, string db, string collection, string id, long triggerTime, string route, string meta = "{}")
    {
        var response = await http.PostJsonAsync($"/job/{db}/{collection}",
            $$"""{"id":"{{id}}","trigger_time":{{triggerTime}},"meta":{{meta}},"route":"{{route}}"}""");
        await response.EnsureOkAsync();
    }

    /// <summary>Creates jobs <c>0</c> to <c>count - 1</c> of a collection in one batch, job i due at <paramref name="firstDue"/> + i × <paramref name="spacingMs"/>.</summary>
    public static async Task CreateJobBatchAsync(this HttpClient http, string db, string collection, int count, long firstDue, string route, int spacingMs = 0)
    {
        var jobs = string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"id":"{{i}}","trigger_time":{{firstDue + i * spacingMs}},"route":"{{route}}"}"""));
        var response = await http.PostJsonAsync($"/job/{db}/{collection}/batch", $$"""{"jobs":[{{jobs}}]}""");
        await response.EnsureOkAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        await response.EnsureOkAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls a job until its status is <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(this HttpClient http, string path, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var job = await http.GetJsonAsync(path);
            if (job.GetProperty("status").GetString() == status)
            {
                return job;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} is still {job.GetProperty("status")}: {job}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a listing until its <paramref name="array"/> satisfies <paramref name="done"/> (records are written just after what they record).</summary>
    public static async Task<JsonElement> WaitForListAsync(this HttpClient http, string path, string array, Func<JsonElement[], bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var page = await http.GetJsonAsync(path);
            if (done([.. page.GetProperty(array).EnumerateArray()]))
            {
                return page;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} never satisfied the test: {page}");
            }
            await Task.Delay(100);
        }
    }

    public static async Task EnsureOkAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
