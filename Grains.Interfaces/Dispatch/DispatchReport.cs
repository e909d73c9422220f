namespace TimerGrid.Grains.Interfaces.Dispatch;

/// <summary>One silo's lease renewal for a route: its demand now and the answers its dispatches got since its last call.</summary>
[GenerateSerializer, Alias("tg.DispatchReport")]
public sealed record DispatchReport
{
    /// <summary>The silo, as its address prints.</summary>
    [Id(0)] public required string Silo { get; init; }
    /// <summary>The newest route version the silo saw: a newer one than the limiter knows makes it read the route again.</summary>
    [Id(1)] public int RouteVersion { get; init; }
    /// <summary>Dispatches waiting for a permit on the silo.</summary>
    [Id(2)] public int Queued { get; init; }
    /// <summary>Dispatches in flight on the silo.</summary>
    [Id(3)] public int InFlight { get; init; }
    /// <summary>Dispatches started since the last call.</summary>
    [Id(4)] public int Dispatched { get; init; }
    /// <summary>Answers that show the receiver up: 2xx, or a 4xx other than 429.</summary>
    [Id(5)] public int Succeeded { get; init; }
    /// <summary>Answers 429 or 503: the receiver asks for less.</summary>
    [Id(6)] public int Throttled { get; init; }
    /// <summary>Attempts that found the receiver down: no connection, a timeout, a 5xx other than 503.</summary>
    [Id(7)] public int Failed { get; init; }
    /// <summary>Failures since the silo's last success, when it had one since the last call.</summary>
    [Id(8)] public int TrailingFailures { get; init; }
    /// <summary>The longest Retry-After a throttling answer asked for.</summary>
    [Id(9)] public TimeSpan? RetryAfter { get; init; }
    /// <summary>How the circuit probe the silo was granted went: true unless it found the receiver down.</summary>
    [Id(10)] public bool? ProbeAnswered { get; init; }
}
