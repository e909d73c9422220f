using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Telemetry;

/// <summary>TimerGrid:Telemetry:JsonLogs: one JSON object a console line, and what a delivery logs names its job in a scope.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task JsonLogs_DeliveryLogLines_CarryTheJobKeyAsAScope()
    {
        await using var node = await ProcessNode.StartAsync(settings =>
        {
            settings["TimerGrid:Telemetry:JsonLogs"] = "true";
            settings["Logging:LogLevel:TimerGrid.Grains.Delivery"] = "Debug";   // a failed attempt logs at Debug
        });
        var http = node.Http;
        await http.CreateRouteAsync("logs", "r", $"http://127.0.0.1:{FreePort.Next()}/nobody-listens");   // each attempt logs why it failed

        await http.CreateJobAsync("logs", "c", "j", RestCalls.Now, "r");

        await http.WaitForStatusAsync("/job/logs/c/j", "failed");
        var lines = node.Node.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        var attempt = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .First(l => l.GetProperty("Category").GetString() == "TimerGrid.Grains.Delivery.WebhookDelivery");
        Assert.Contains(attempt.GetProperty("Scopes").EnumerateArray(), scope => scope.TryGetProperty("JobKey", out var key) && key.GetString() == "logs/c/j");
        Assert.Equal("logs/c/j", attempt.GetProperty("State").GetProperty("JobKey").GetString());
    }
}
