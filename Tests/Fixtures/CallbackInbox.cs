using System.Collections.Concurrent;
using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Every firing the test callback grains receive, and what each test scripts them to answer.</summary>
public sealed class CallbackInbox
{
    private readonly ConcurrentDictionary<string, List<ReceivedCall>> _byJob = new();
    private readonly ConcurrentDictionary<string, Func<TimerFired, Task>> _answers = new();
    private readonly SemaphoreSlim _arrived = new(0);

    /// <summary>One call: what came, to which grain key, on which silo, and when (epoch ms).</summary>
    public sealed record ReceivedCall(TimerFired Fired, string GrainKey, SiloAddress Silo, long ReceivedAtMs);

    /// <summary>Calls for the job (db/collection/id) get what <paramref name="answer"/> returns; unscripted calls return at once.</summary>
    public void Script(string jobKey, Func<TimerFired, Task> answer) => _answers[jobKey] = answer;

    public Task ReceiveAsync(TimerFired fired, string grainKey, SiloAddress silo)
    {
        var calls = _byJob.GetOrAdd(fired.Job.ToString(), _ => []);
        lock (calls)
        {
            calls.Add(new ReceivedCall(fired, grainKey, silo, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        }
        _arrived.Release();
        return _answers.TryGetValue(fired.Job.ToString(), out var answer) ? answer(fired) : Task.CompletedTask;
    }

    public IReadOnlyList<ReceivedCall> For(string jobKey)
    {
        if (!_byJob.TryGetValue(jobKey, out var calls))
        {
            return [];
        }
        lock (calls)
        {
            return [.. calls];
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls for the job have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedCall>> WaitForAsync(string jobKey, int count = 1, TimeSpan? timeout = null)
    {
        using var expiry = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (For(jobKey) is var calls && calls.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200), expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{For(jobKey).Count} of {count} callbacks for {jobKey} arrived");
            }
        }
        return For(jobKey);
    }
}
