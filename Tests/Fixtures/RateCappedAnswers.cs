using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Fixtures;

/// <summary>A receiver's script that takes <c>limit</c> requests per wall-clock second and answers 429 beyond; it keeps every answer's time and status.</summary>
public sealed class RateCappedAnswers(int limit)
{
    private readonly Lock _lock = new();
    private readonly List<(long AtMs, int Status)> _answers = [];
    private long _second;
    private int _inSecond;

    public Answer Next(int hit)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        lock (_lock)
        {
            if (now / 1000 != _second)
            {
                (_second, _inSecond) = (now / 1000, 0);
            }
            var status = ++_inSecond <= limit ? 200 : 429;
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
