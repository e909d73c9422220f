using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Gateway.Retries;

/// <summary>
/// Sends a call to an <see cref="IdempotentAttribute"/> grain method again, within a short budget, while a silo leaves
/// under it: in a rolling restart the membership and the client's gateway list catch up within a few seconds.
/// </summary>
/// <remarks>
/// Only calls made outside any grain are sent again: the gateway's, whether it runs alone as a client or inside a silo.
/// In a silo the filter also sees grain-to-grain calls; they pass as they are. A grain waiting out a back-off would hold
/// its activation, and the firings queued behind it, for seconds; grains recover by their own means (reminders, the
/// start-up catch-up).
/// </remarks>
internal sealed class IdempotentCallRetry : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<MethodInfo, bool> _idempotent = new();

    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.SourceContext is null && context.InterfaceMethod is { } method && _idempotent.GetOrAdd(method, m => m.IsDefined(typeof(IdempotentAttribute)))
            ? SendUntilAnsweredAsync(context)
            : context.Invoke();

    /// <remarks>
    /// The same request object goes again. A remote callee ran a copy of it; a local one (the gateway inside a silo)
    /// meets a silo fault only before it ran the request, since a response timeout comes long after the budget.
    /// </remarks>
    private static async Task SendUntilAnsweredAsync(IOutgoingGrainCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception e) when (ClusterFaults.IsSiloFault(e) && Stopwatch.GetElapsedTime(started) + delay < Budget)
            {
                await Task.Delay(delay);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }
}
