using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// A receiver's script that takes <c>limit</c> requests a second and answers 429 beyond, as a token bucket (how most APIs
/// limit) that holds three seconds' worth: this receiver runs in the busy test process, and when that process stalls for
/// a second or two, requests the node sent at the limit are answered at once afterwards. They must still be taken; a
/// route sending faster than the limit drains the bucket within seconds all the same. It keeps every answer's time and status.
/// </summary>
public sealed class RateCappedAnswers(int limit)
{
    private const int BurstSeconds = 3;
    private readonly Lock _lock = new();
    private readonly List<(long AtMs, int Status)> _answers = [];
    private double _tokens = limit * BurstSeconds;
    private long _refilledAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public Answer Next(int hit)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (_lock)
        {
            (_tokens, _refilledAtMs) = (Math.Min(limit * BurstSeconds, _tokens + (now - _refilledAtMs) * limit / 1000.0), now);
            var taken = _tokens >= 1;
            _tokens -= taken ? 1 : 0;
            var status = taken ? 200 : 429;
            _answers.Add((now, status));
            return new Answer(status);
        }
    }

    /// <summary>The share of 429s among the answers given from <paramref name="fromMs"/> on.</summary>
    public double ThrottledShareSince(long fromMs)
    {
        lock (_lock)
        {
            var later = _answers.Where(a => a.AtMs >= fromMs).ToList();
            return later.Count == 0 ? 0 : later.Count(a => a.Status == 429) / (double)later.Count;
        }
    }

    public long FirstMs
    {
        get
        {
            lock (_lock)
            {
                return _answers.Count == 0 ? 0 : _answers[0].AtMs;
            }
        }
    }
}
