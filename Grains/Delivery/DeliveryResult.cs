namespace TimerGrid.Grains.Delivery;

/// <summary>How one attempt went.</summary>
/// <param name="Delivered">The receiver answered 2xx.</param>
/// <param name="Retryable">False when trying again cannot help (the route is gone).</param>
/// <param name="Error">Why not, for <c>last_error</c>.</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it sent one.</param>
internal sealed record DeliveryResult(bool Delivered, bool Retryable, string? Error, TimeSpan? RetryAfter)
{
    public static readonly DeliveryResult Success = new(true, false, null, null);

    public static DeliveryResult Failure(string error, TimeSpan? retryAfter = null) => new(false, true, error, retryAfter);

    public static DeliveryResult GiveUp(string error) => new(false, false, error, null);
}
