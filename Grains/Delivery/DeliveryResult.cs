namespace TimerGrid.Grains.Delivery;

/// <summary>How one attempt went.</summary>
/// <param name="Delivered">The receiver answered 2xx.</param>
/// <param name="Retryable">False when trying again cannot help (the route is gone).</param>
/// <param name="Error">Why not, for <c>last_error</c>.</param>
/// <param name="RetryAfter">The receiver's Retry-After, when it sent one.</param>
/// <param name="HttpStatus">The receiver's HTTP status code, when a webhook answered.</param>
/// <param name="ResponseBody">The start of the receiver's response body, when it sent one.</param>
internal sealed record DeliveryResult(bool Delivered, bool Retryable, string? Error, TimeSpan? RetryAfter, int? HttpStatus = null, string? ResponseBody = null)
{
    /// <summary>The receiver asked for less (429 or 503): the route slows down, and the attempt does not count against the job.</summary>
    public bool Throttled => HttpStatus is 429 or 503;

    /// <summary>
    /// The receiver looks down: no answer (no connection, a timeout, a GRAIN callback that threw) or a 5xx other than 503.
    /// Such attempts in a row open the route's circuit.
    /// </summary>
    public bool ReceiverDown => !Delivered && Retryable && !Throttled && HttpStatus is null or >= 500;

    /// <summary>The attempt was an open circuit's probe.</summary>
    public bool Probe { get; init; }

    /// <summary>
    /// The receiver had a fair chance to judge the job: it did not answer 429 or 503, and this was not a failed probe
    /// of a receiver known to be down. Only such attempts count against Delivery:MaxAttempts, so no job is dead-lettered
    /// because its route's circuit stayed open, however long.
    /// </summary>
    public bool Judged => Delivered || !(Throttled || Probe);

    public static DeliveryResult Success(int? status, string? body) => new(true, false, null, null, status, body);

    public static DeliveryResult Failure(string error, TimeSpan? retryAfter = null, int? status = null, string? body = null) =>
        new(false, true, error, retryAfter, status, body);

    public static DeliveryResult GiveUp(string error) => new(false, false, error, null);
}
