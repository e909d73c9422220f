using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace TimerGrid.Bench.Node;

/// <summary>
/// Kills every running node when a signal stops the bench (Ctrl-C, <c>timeout</c>), then exits, rather than leave
/// nodes running. One handler for all of them: a cluster target runs several, and a handler per node would exit
/// the bench after killing only its own.
/// </summary>
internal static class NodeReaper
{
    private static readonly ConcurrentDictionary<NodeProcess, byte> Running = new();
    private static readonly Lazy<PosixSignalRegistration[]> Registrations = new(() =>
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, OnSignal))]);

    public static void Watch(NodeProcess node)
    {
        _ = Registrations.Value;
        Running[node] = 0;
    }

    public static void Forget(NodeProcess node) => Running.TryRemove(node, out _);

    private static void OnSignal(PosixSignalContext context)
    {
        foreach (var node in Running.Keys)
        {
            node.Kill();
        }
        // The receiver's host would swallow the signal and leave the bench running without it.
        Environment.Exit(context.Signal switch { PosixSignal.SIGINT => 130, PosixSignal.SIGQUIT => 131, _ => 143 });
    }
}
