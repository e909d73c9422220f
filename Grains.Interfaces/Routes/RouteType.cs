namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>How a route delivers.</summary>
[GenerateSerializer, Alias("tg.RouteType")]
public enum RouteType
{
    /// <summary>HTTP POST to a webhook URL.</summary>
    Rest,
    /// <summary>A call to <see cref="Callbacks.ITimerCallback.OnTimerAsync"/> on a grain hosted by a silo of the cluster.</summary>
    Grain,
    /// <summary>A pull queue: fired jobs wait until a worker takes them (seed 002).</summary>
    Queue,
}
