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

    [JsonIgnore]
    public RouteSpec Spec => new(Type, WebhookUrl, Secret, Payload);

    public RouteView ToView(RouteKey key) => new(key, Spec, Version);

    /// <summary>True when the spec asks for what is stored; a spec without a secret accepts the stored one.</summary>
    public bool Matches(RouteSpec spec) =>
        spec.Type == Type && spec.WebhookUrl == WebhookUrl && spec.Payload == Payload && (spec.Secret ?? Secret) == Secret;
}
