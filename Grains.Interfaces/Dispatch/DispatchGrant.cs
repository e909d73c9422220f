namespace TimerGrid.Grains.Interfaces.Dispatch;

/// <summary>A silo's share of a route's budget until its next call (valid for about a second).</summary>
/// <param name="Free">Nothing holds the route back: the silo dispatches at will and may stop asking.</param>
/// <param name="Rate">Dispatches a second this silo may start; null when the rate is not limited.</param>
/// <param name="Slots">Dispatches this silo may have in flight; null when concurrency is not limited.</param>
/// <param name="Probe">The circuit is open and this silo may send one probe.</param>
/// <param name="HeldUntil">
/// While the route is held: when the limiter may next let something through (the next probe, the end of a Retry-After
/// pause), in Unix milliseconds. The silo need not ask before then unless something changes on its side.
/// </param>
[GenerateSerializer, Alias("tg.DispatchGrant")]
public sealed record DispatchGrant(
    [property: Id(0)] bool Free,
    [property: Id(1)] double? Rate,
    [property: Id(2)] int? Slots,
    [property: Id(3)] bool Probe,
    [property: Id(4)] long? HeldUntil = null)
{
    /// <summary>Nothing holds the route back.</summary>
    public static readonly DispatchGrant Unlimited = new(true, null, null, false);

    /// <summary>Nothing may start (circuit open or Retry-After pause), except a probe when <paramref name="probe"/>.</summary>
    public static DispatchGrant Hold(bool probe, long? until = null) => new(false, 0, 0, probe, until);
}
