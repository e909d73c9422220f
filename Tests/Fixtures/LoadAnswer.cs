namespace TimerGrid.Tests.Fixtures;

/// <summary>One create of a <see cref="SteadyLoad"/>: when it was sent, how long it took, and what came back (status 0: no answer).</summary>
public sealed record LoadAnswer(string Id, long SentAtMs, long ElapsedMs, int Status, string? Code, bool HasRetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public override string ToString() => $"{Id} at {SentAtMs}: {Status} {Code} in {ElapsedMs} ms{(HasRetryAfter ? " (Retry-After)" : "")}";
}
