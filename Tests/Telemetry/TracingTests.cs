using System.Diagnostics;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Telemetry;

/// <summary>A job created through the API and fired soon after: request, grain call and delivery are one trace, carried to the receiver.</summary>
[Collection(TracingApiCollection.Name)]
public sealed class TracingTests(TracingApiFixture app)
{
    [Fact]
    public async Task Create_ThenFire_RequestGrainCallDeliveryAndWebhookShareOneTrace()
    {
        var http = app.Http;
        await http.CreateRouteAsync("traced", "r", app.Receiver.UrlFor("traced"));

        await http.CreateJobAsync("traced", "c", "j", RestCalls.Now + 300, "r");

        var webhook = (await app.Receiver.WaitForAsync("traced/c/j"))[0];
        var traceparent = webhook.Header("traceparent").Split('-');   // version-trace-parent span-flags (W3C)
        Assert.Equal(4, traceparent.Length);
        var trace = ActivityTraceId.CreateFromString(traceparent[1]);
        var spans = await WaitForSpansAsync(trace, s => s.Any(IsDelivery) && s.Any(IsCreateRequest));
        var request = Assert.Single(spans, IsCreateRequest);
        var delivery = Assert.Single(spans, IsDelivery);
        Assert.Equal("traced/c/j", delivery.GetTagItem("timergrid.job"));
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && s.DisplayName.Contains("IJobGrain"));
        var post = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.ParentSpanId == delivery.SpanId && s.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        Assert.Equal(traceparent[2], post.SpanId.ToHexString());   // the webhook's parent is our POST
        Assert.Contains(request.SpanId, Ancestors(delivery, spans));
    }

    private static IEnumerable<ActivitySpanId> Ancestors(Activity span, IReadOnlyList<Activity> spans)
    {
        var byId = spans.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            yield return parent;
        }
    }

    private static bool IsCreateRequest(Activity span) => span.Kind == ActivityKind.Server && span.DisplayName.StartsWith("POST /job/", StringComparison.Ordinal);

    private static bool IsDelivery(Activity span) => span.OperationName == "timergrid.delivery";

    /// <summary>Spans are exported as they end; the request's may end after the webhook arrives.</summary>
    private async Task<IReadOnlyList<Activity>> WaitForSpansAsync(ActivityTraceId trace, Func<IReadOnlyList<Activity>, bool> complete)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var spans = app.SpansOf(trace);
            if (complete(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }
            await Task.Delay(100);
        }
    }
}
