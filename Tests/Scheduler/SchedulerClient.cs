using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Scheduler;

/// <summary>seed 003's calls as its clients send them: JSON bodies as <c>application/json; charset=utf-8</c>.</summary>
public static class SchedulerClient
{
    /// <summary>The document's cron example, with its pub_args made valid JSON.</summary>
    public const string CronExample = """
        {"job_class_string": "simple_scheduler.jobs.clean_apns.CleanAPNsJob", "name": "Clean APNs", "pub_args": ["arg1", 2],
         "trigger": "cron", "trigger_params": {"month": "*", "day_of_week": "*", "day": "*", "hour": "*/1", "minute": "*"}}
        """;

    /// <summary>The document's interval example, with its pub_args made valid JSON.</summary>
    public const string IntervalExample = """
        {"job_class_string": "simple_scheduler.jobs.clean_apns.CleanAPNsJob", "name": "Clean APNs", "pub_args": ["arg1", 2],
         "trigger": "interval", "trigger_params": {"interval": 3600}}
        """;

    public static readonly string[] Prefixes = ["/api/v1", "/api/v2"];

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient http, string method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }

    /// <summary>Sends and expects a 2xx with a JSON body.</summary>
    public static async Task<JsonElement> CallAsync(this HttpClient http, string method, string path, string? json = null)
    {
        var response = await http.SendAsync(method, path, json);
        await response.EnsureOkAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Creates a job and returns its id.</summary>
    public static async Task<string> CreateSeedJobAsync(this HttpClient http, string prefix, string json)
    {
        var response = await http.SendAsync("POST", $"{prefix}/jobs", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(7, Guid.ParseExact(id, "N").Version);   // time-ordered
        return id;
    }

    public static string Job(string jobClass, string trigger, string triggerParams, string pubArgs = """["arg1", 2]""", string name = "a job") =>
        $$"""{"job_class_string": "{{jobClass}}", "name": "{{name}}", "pub_args": {{pubArgs}}, "trigger": "{{trigger}}", "trigger_params": {{triggerParams}}}""";

    /// <summary>Polls until <paramref name="done"/> holds for the answer of a GET.</summary>
    public static async Task<JsonElement> WaitForAsync(this HttpClient http, string path, Func<JsonElement, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var answer = await http.CallAsync("GET", path);
            if (done(answer))
            {
                return answer;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"GET {path} never got there: {answer}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Asserts the seed's error answer: the status and a body of exactly <c>{"error": "..."}</c>.</summary>
    public static async Task AssertSeedErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode} {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(["error"], body.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));
    }
}
