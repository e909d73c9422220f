using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Routes;

/// <summary>A route as persisted (JSON). The storage shape, not the contract.</summary>
internal sealed class RouteState
{
    public RouteType Type { get; set; }
    public string WebhookUrl { get; set; } = "";
    public string Secret { get; set; } = "";
    public PayloadStyle Payload { get; set; }
    public int Version { get; set; }
    public string? GrainInterface { get; set; }
    public string? GrainKey { get; set; }
    public double? MaxDispatchesPerSecond { get; set; }
    public int? MaxConcurrentDispatches { get; set; }
    public int? CircuitBreakerThreshold { get; set; }

    [JsonIgnore]
    public RouteSpec Spec => new(Type, WebhookUrl, Secret, Payload)
    {
        GrainInterface = GrainInterface,
        GrainKey = GrainKey,
        MaxDispatchesPerSecond = MaxDispatchesPerSecond,
        MaxConcurrentDispatches = MaxConcurrentDispatches,
        CircuitBreakerThreshold = CircuitBreakerThreshold,
    };

    public RouteView ToView(RouteKey key) => new(key, Spec, Version);

    /// <summary>True when the spec asks for what is stored; a spec without a secret accepts the stored one.</summary>
    public bool Matches(RouteSpec spec) => spec with { Secret = spec.Secret ?? Secret } == Spec;
}
