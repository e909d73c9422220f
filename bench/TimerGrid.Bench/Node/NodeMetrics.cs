using System.Globalization;

namespace TimerGrid.Bench.Node;

/// <summary>One read of a node's <c>/metrics</c> (Prometheus text).</summary>
internal sealed class NodeMetrics
{
    private readonly string[] _lines;

    private NodeMetrics(string[] lines) => _lines = lines;

    public static async Task<NodeMetrics> ReadAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node };
        return new((await http.GetStringAsync("/metrics")).Split('\n'));
    }

    /// <summary>The sum of a metric's series (e.g. the heap's generations), which must be there.</summary>
    public double Sum(string name)
    {
        var values = _lines.Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ')[^1], CultureInfo.InvariantCulture)).ToList();
        return values.Count > 0 ? values.Sum() : throw new InvalidOperationException($"the node's /metrics has no {name}");
    }
}
