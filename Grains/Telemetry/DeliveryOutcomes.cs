namespace TimerGrid.Grains.Telemetry;

/// <summary>The values of the <c>outcome</c> tag of <c>timergrid.deliveries</c>.</summary>
internal static class DeliveryOutcomes
{
    public const string Tag = "outcome";
    public const string StatusClassTag = "status_class";

    /// <summary>The receiver answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>Not delivered; another attempt follows.</summary>
    public const string Retry = "retry";

    /// <summary>Not delivered, and no attempt follows: the execution failed.</summary>
    public const string Failed = "failed";
}
