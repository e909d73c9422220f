using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Listing;

/// <summary>kill -9 the node while clients create, replace, pause, delete and fire jobs: afterwards the listing and GET by id agree on every job.</summary>
public sealed class ListingKillRestartTests(ITestOutputHelper output)
{
    private const string Jobs = "/job/lkill/c";

    [Fact]
    public async Task KillDashNine_WhileJobsChange_EveryJobGetReturnsIsListedAsItIsAndNothingElse()
    {
        using var dataDir = new TempDir();
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = TestSettings.For(dataDir.Path);
        var port = FreePort.Next();
        var touched = new ConcurrentDictionary<string, bool>();
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("lkill", "r", receiver.UrlFor("lkill"));
            // A 500 (a 503 would be back-pressure, never dead-lettering); no circuit, so that its jobs retry and end failed.
            await http.CreateRouteAsync("lkill", "flaky", receiver.UrlFor("lkill-flaky", _ => new WebhookReceiver.Answer(500)), ""","circuit_breaker_threshold":10000""");
            var answered = new StrongBox<int>();
            var clients = Enumerable.Range(0, 8).Select(client => ChurnUntilKilledAsync(http, client, touched, answered)).ToArray();
            for (var waited = 0; Volatile.Read(ref answered.Value) < 200 && waited < 1200; waited++)
            {
                await Task.Delay(50);   // until 200 calls were answered (at most a minute): some of every kind
            }
            silo.Kill();   // mid-stream: writes, firings and retries are in flight
            await Task.WhenAll(clients);
        }

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await UntilNothingFiresSoonAsync(http);
            var listed = (await http.WalkAsync(Jobs, 50))
                .SelectMany(p => p.GetProperty("jobs").EnumerateArray())
                .ToDictionary(j => j.GetProperty("id").GetString()!, j => j.GetRawText());
            var found = 0;
            foreach (var id in touched.Keys)
            {
                using var response = await http.GetAsync($"{Jobs}/{id}");
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    Assert.False(listed.ContainsKey(id), $"{id} is listed but GET answers 404");
                    continue;
                }
                found++;
                var job = await response.Content.ReadAsStringAsync();
                Assert.True(listed.TryGetValue(id, out var shown), $"GET returns {id} but the listing lacks it");
                Assert.Equal(JsonDocument.Parse(job).RootElement.GetRawText(), shown);
            }
            Assert.Equal(found, listed.Count);
            Assert.Equal(found, (await http.GetJsonAsync(Jobs)).GetProperty("count").GetInt64());
            Assert.True((await http.GetJsonAsync($"{Jobs}?name=contested")).GetProperty("count").GetInt64() <= 1);
            output.WriteLine($"{touched.Count} jobs touched, {found} exist; statuses: " + string.Join(", ",
                listed.Values.GroupBy(j => JsonDocument.Parse(j).RootElement.GetProperty("status").GetString()).Select(g => $"{g.Key} {g.Count()}")));
        }
    }

    /// <summary>Jobs that were due or retrying when the node died fire after the restart; wait until none is due within a minute.</summary>
    private static async Task UntilNothingFiresSoonAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await http.GetJsonAsync($"{Jobs}?status=scheduled&to={RestCalls.Now + 60_000}")).GetProperty("count").GetInt64() > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "jobs due soon did not settle within 60 s");
            await Task.Delay(200);
        }
    }

    /// <summary>Until the node dies, each step touches one job: creates it (some due at once, some named, some contesting one name), or replaces, pauses or deletes an earlier one.</summary>
    private static async Task ChurnUntilKilledAsync(HttpClient http, int client, ConcurrentDictionary<string, bool> touched, StrongBox<int> answered)
    {
        for (var n = 0; ; n++)
        {
            var id = $"c{client}-{n}";
            var earlier = $"c{client}-{n / 2}";
            var far = 4_000_000_000_000 + n;
            touched[id] = true;
            try
            {
                using var response = ((n + client) % 6) switch
                {
                    0 => await http.PostJsonAsync(Jobs, $$"""{"id":"{{id}}","trigger_time":{{RestCalls.Now + 300}},"route":"{{(n % 4 == 0 ? "flaky" : "r")}}"}"""),
                    1 => await http.PostJsonAsync(Jobs, $$"""{"id":"{{id}}","trigger_time":{{far}},"route":"r","name":"contested"}"""),
                    2 => await http.PutJsonAsync($"{Jobs}/{earlier}", $$"""{"trigger_time":{{far + 1}},"route":"r","name":"{{id}}"}"""),
                    3 => await http.PostAsync($"{Jobs}/{earlier}/pause", null),
                    4 => await http.DeleteAsync($"{Jobs}/{earlier}"),
                    _ => await http.PostJsonAsync(Jobs, $$"""{"id":"{{id}}","trigger_time":{{far}},"route":"r","name":"n-{{id}}"}"""),
                };
            }
            catch (HttpRequestException)
            {
                return;   // killed
            }
            Interlocked.Increment(ref answered.Value);
        }
    }
}
