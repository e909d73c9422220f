using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Auth;

/// <summary>The single node with API keys required (forced on, loopback), a bootstrap key, and its logs kept.</summary>
public class AuthApiFixture : ApiFixture
{
    public LogCollector Logs { get; } = new();

    /// <summary>A client that sends no key.</summary>
    public HttpClient Anonymous => Http;

    /// <summary>A client that sends <paramref name="key"/> (or the bootstrap key).</summary>
    public HttpClient As(string? key = null)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key ?? TestSettings.BootstrapKey);
        return http;
    }

    /// <summary>Creates a key with the bootstrap key; returns its id and material.</summary>
    public async Task<(string Id, string Key)> CreateKeyAsync(string db, string role, string? name = null)
    {
        using var admin = As();
        var body = JsonSerializer.Serialize(new { db, role, name });
        var response = await admin.PostJsonAsync("/admin/keys", body);
        await response.EnsureOkAsync();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    protected override Dictionary<string, string?> Settings(string dataDir)
    {
        var settings = base.Settings(dataDir);
        settings["TimerGrid:Auth:Enabled"] = "true";
        settings["TimerGrid:Auth:BootstrapKey"] = TestSettings.BootstrapKey;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCollector>(null, LogLevel.Debug));
    }
}

[CollectionDefinition(Name)]
public sealed class AuthApiCollection : ICollectionFixture<AuthApiFixture>
{
    public const string Name = "auth";
}
