using System.Diagnostics;
using TimerGrid.Grains.Dispatch;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Records;

namespace TimerGrid.Testing.Clock;

/// <summary>
/// Moves the test clock from one due time to the next and lets each firing finish before moving on. It fires nothing
/// itself: the jobs' own grain timers (which run on this clock) and the overdue sweep's wake-up, asked of the same
/// state rows, make the production grains fire exactly as they do on a real clock.
/// </summary>
internal sealed class ClockDriver(
    TestClock clock,
    DueJobs due,
    AttemptsInFlight attempts,
    Func<int> hangingRequests,
    RouteGates gates,
    IGrainFactory grains,
    RecordWriter records,
    TimeSpan settleTimeout)
{
    /// <summary>
    /// How long nothing may change while jobs are due, and no attempt is under way, before they count as waiting for
    /// time. Too short, and a job still activating (the first firing of a process compiles the whole path) would count
    /// as waiting, and the clock would move before it fired.
    /// </summary>
    private static readonly TimeSpan StallAfter = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// The same, right after the clock moved for jobs already found waiting: a route's back-off wakes its gate many times
    /// before it lets an attempt through.
    /// </summary>
    private static readonly TimeSpan StillStalledAfter = TimeSpan.FromMilliseconds(25);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private static readonly TimeSpan AutoAdvanceTick = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task AdvanceToAsync(DateTimeOffset target)
    {
        await _turn.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            if (target < now)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target, $"the test clock is at {now:O}: it does not go back");
            }
            var steppedForWaitingJobs = false;
            while (true)
            {
                var waitingForTime = await SettleAsync(steppedForWaitingJobs ? StillStalledAfter : StallAfter, target);
                now = clock.GetUtcNow();
                var nextDue = await due.NextAsync(now, target);
                var next = Earliest(nextDue, waitingForTime ? clock.NextOneShotTimer() : null);
                if (next is null || next <= now || next > target)
                {
                    if (now == target)
                    {
                        return;
                    }
                    next = target;
                }
                steppedForWaitingJobs = waitingForTime && next != nextDue;
                clock.SetUtcNow(next.Value);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Moves the clock as real time passes, until <paramref name="stopping"/>.</summary>
    public async Task AutoAdvanceAsync(CancellationToken stopping)
    {
        var real = Stopwatch.StartNew();
        var last = real.Elapsed;
        try
        {
            while (true)
            {
                await Task.Delay(AutoAdvanceTick, stopping);
                var elapsed = real.Elapsed;
                await AdvanceToAsync(clock.GetUtcNow() + (elapsed - last));
                last = elapsed;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // the host is stopping
        }
    }

    /// <summary>
    /// Waits until no job is due at the clock's time (each due job was woken, fired, and its outcome written) and no route's
    /// gate is acting on it (a receiver's answers reach the route's limiter at the time they came), then until the
    /// executions and audit entries are written.
    /// </summary>
    /// <returns>True when jobs are still due but wait for time to pass (a hanging receiver, a route's back-off).</returns>
    /// <param name="stallAfter">How long nothing may change before the due jobs count as waiting for time.</param>
    /// <param name="target">
    /// Where the advance ends. Jobs count as waiting for time only when time can free them (see <see cref="WaitForTime"/>);
    /// otherwise the advance waits for them.
    /// </param>
    private async Task<bool> SettleAsync(TimeSpan stallAfter, DateTimeOffset target)
    {
        var now = clock.GetUtcNow();
        List<string> seen = [];
        var ended = -1L;
        var sinceChange = Stopwatch.StartNew();
        while (true)
        {
            var keys = await due.KeysAsync(now);
            if (keys.Count == 0 && !gates.Acting)
            {
                await records.FlushAsync();
                return false;
            }
            if (!keys.SequenceEqual(seen) || attempts.Ended != ended)
            {
                (seen, ended) = (keys, attempts.Ended);
                await Task.WhenAll(keys.Select(key => grains.GetGrain<IJobGrain>(key).WakeAsync()));
                sinceChange.Restart();
            }
            else if (sinceChange.Elapsed >= stallAfter && attempts.Count <= hangingRequests() && !gates.Acting && WaitForTime(keys.Count, target))
            {
                await records.FlushAsync();
                return true;
            }
            else if (sinceChange.Elapsed > settleTimeout)
            {
                throw new TimeoutException(
                    $"At {now:O} these jobs stayed due for {settleTimeout.TotalSeconds:0.#} s: {string.Join(", ", keys)}; {attempts.Count} delivery " +
                    "attempts are under way. A receiver of your own that does not answer holds its attempt: let it answer, or script " +
                    "the hang on grid.Webhooks (WebhookAnswer.Hang), whose attempts time out on the test clock.");
            }
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// True when time frees the due jobs: a scripted hang, dispatches held by their routes (a limit, a back-off, an open
    /// circuit: each route's gate wakes on a timer, however late), or a timer due by <paramref name="target"/>.
    /// </summary>
    private bool WaitForTime(int dueJobs, DateTimeOffset target) =>
        hangingRequests() > 0 || gates.Waiting >= dueJobs || clock.NextOneShotTimer() <= target;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
