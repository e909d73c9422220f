using System.Collections.Concurrent;

namespace TimerGrid.Bench.Webhooks;

/// <summary>The webhooks of one collection: the first arrival of each job, and how many came again.</summary>
internal sealed class ArrivalLog
{
    private readonly ConcurrentDictionary<string, Arrival> _first = new();
    private int _count;
    private int _duplicates;

    public int Count => Volatile.Read(ref _count);

    public int Duplicates => Volatile.Read(ref _duplicates);

    public void Record(Arrival arrival)
    {
        if (_first.TryAdd(arrival.Job, arrival))
        {
            Interlocked.Increment(ref _count);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
        }
    }

    public bool Contains(string job) => _first.ContainsKey(job);

    public Arrival[] Snapshot() => [.. _first.Values];

    /// <summary>Waits until <paramref name="count"/> distinct jobs have arrived; false if the deadline (epoch ms) passed first.</summary>
    public async Task<bool> WaitForAsync(int count, long deadline)
    {
        while (Count < count)
        {
            if (EpochClock.Now >= deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }
}
