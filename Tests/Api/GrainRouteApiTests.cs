using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>GRAIN routes through the REST API: created, read back and compared like webhook routes.</summary>
[Collection(ApiCollection.Name)]
public sealed class GrainRouteApiTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Post_GrainRoute_ReadsBackItsInterfaceAndKeyWithoutWebhookFields()
    {
        const string body = """{"id":"end-match","type":"GRAIN","grain_interface":"mygame.IMatchTimers","grain_key":"{db}/{id}"}""";

        await (await _http.PostJsonAsync("/route/grainapi", body)).EnsureOkAsync();
        await (await _http.PostJsonAsync("/route/grainapi", body)).EnsureOkAsync();

        var route = await _http.GetJsonAsync("/route/grainapi/end-match");
        Assert.Equal("""{"id":"end-match","type":"GRAIN","grain_interface":"mygame.IMatchTimers","grain_key":"{db}/{id}","version":1}""", route.GetRawText());
        var other = await _http.PostJsonAsync("/route/grainapi", body.Replace("{db}/{id}", "{id}"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }
}
