using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Crash;

/// <summary>A key that got its 201 survives kill -9; so does its revocation.</summary>
public sealed class KeyKillRestartTests : IDisposable
{
    private readonly TempDir _dataDir = new();

    [Fact]
    public async Task KillDashNine_AfterKeysChanged_KeysAndRevocationsHoldAfterRestart()
    {
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:Auth:Enabled"] = "true";
        settings["TimerGrid:Auth:BootstrapKey"] = TestSettings.BootstrapKey;
        var port = FreePort.Next();
        string kept, revoked;
        await using (var node = await TimerGridProcess.StartAsync(port, settings))
        {
            using var admin = Client(node, TestSettings.BootstrapKey);
            (kept, _) = await CreateAsync(admin, "kept");
            string revokedId;
            (revoked, revokedId) = await CreateAsync(admin, "revoked");
            Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/admin/keys/{revokedId}")).StatusCode);
            using var http = Client(node, kept);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/route/kept/r")).StatusCode);
            node.Kill();
        }

        await using (var node = await TimerGridProcess.StartAsync(port, settings))
        {
            using var keptClient = Client(node, kept);
            using var revokedClient = Client(node, revoked);
            Assert.Equal(HttpStatusCode.NotFound, (await keptClient.GetAsync("/route/kept/r")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await revokedClient.GetAsync("/route/revoked/r")).StatusCode);
        }
    }

    private static async Task<(string Key, string Id)> CreateAsync(HttpClient admin, string db)
    {
        var response = await admin.PostJsonAsync("/admin/keys", $$"""{"db":"{{db}}","role":"write"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("key").GetString()!, created.GetProperty("id").GetString()!);
    }

    private static HttpClient Client(TimerGridProcess node, string key) =>
        new() { BaseAddress = node.Url, DefaultRequestHeaders = { Authorization = new("Bearer", key) } };

    public void Dispose() => _dataDir.Dispose();
}
