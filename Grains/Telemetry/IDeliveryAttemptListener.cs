namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// Hears each delivery attempt with the db and route it went through, which no instrument tags: one series per route
/// would be unbounded in Prometheus. <see cref="TimerGridInstruments"/> tells every registered listener.
/// </summary>
internal interface IDeliveryAttemptListener
{
    /// <param name="outcome">One of <see cref="DeliveryOutcomes"/>.</param>
    void AttemptEnded(string db, string route, string outcome, double milliseconds);
}
