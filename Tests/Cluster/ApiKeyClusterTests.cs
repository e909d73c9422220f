using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Cluster;

/// <summary>In cluster mode keys are required by default; a key revoked through the standalone gateway is refused by a silo on its next request.</summary>
public sealed class ApiKeyClusterTests
{
    [Fact]
    public async Task KeyRevokedThroughTheGateway_IsRefusedByTheSiloOnItsNextRequest()
    {
        await using var cluster = await ProcessCluster.StartAsync(1);
        using var anonymous = new HttpClient { BaseAddress = cluster.Gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/route/pg/r")).StatusCode);

        var response = await cluster.Gateway.PostJsonAsync("/admin/keys", """{"db":"pg","role":"write","name":"silo user"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var (id, key) = (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
        using var silo = new HttpClient { BaseAddress = cluster.SiloUrl(0), DefaultRequestHeaders = { Authorization = new("Bearer", key) } };
        using var gateway = new HttpClient { BaseAddress = cluster.Gateway.BaseAddress, DefaultRequestHeaders = { Authorization = new("Bearer", key) } };
        Assert.Equal(HttpStatusCode.NotFound, (await silo.GetAsync("/route/pg/r")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.GetAsync("/route/pg/r")).StatusCode);
        var listing = await cluster.Gateway.GetStringAsync("/admin/keys");
        Assert.Contains(id, listing);
        Assert.DoesNotContain(key, listing);

        Assert.Equal(HttpStatusCode.OK, (await cluster.Gateway.DeleteAsync($"/admin/keys/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await silo.GetAsync("/route/pg/r")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.GetAsync("/route/pg/r")).StatusCode);
    }
}
