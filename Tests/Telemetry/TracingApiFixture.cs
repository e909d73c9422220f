using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Telemetry;

/// <summary>The single node with traces on, exported to memory. Other nodes in the test process may add spans: filter by trace.</summary>
public sealed class TracingApiFixture : ApiFixture
{
    private readonly List<Activity> _spans = [];

    /// <summary>The spans exported so far that belong to <paramref name="trace"/>.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId trace)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.TraceId == trace).ToList();
        }
    }

    protected override Dictionary<string, string?> Settings(string dataDir)
    {
        var settings = base.Settings(dataDir);
        settings["TimerGrid:Telemetry:Traces"] = "true";
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new LockedList(_spans))));
    }

    /// <summary>The exporter adds from the threads spans end on; the test reads meanwhile.</summary>
    private sealed class LockedList(List<Activity> spans) : ICollection<Activity>
    {
        public int Count => throw new NotSupportedException();
        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (spans)
            {
                spans.Add(item);
            }
        }

        public void Clear() => throw new NotSupportedException();
        public bool Contains(Activity item) => throw new NotSupportedException();
        public void CopyTo(Activity[] array, int arrayIndex) => throw new NotSupportedException();
        public bool Remove(Activity item) => throw new NotSupportedException();
        public IEnumerator<Activity> GetEnumerator() => throw new NotSupportedException();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

[CollectionDefinition(Name)]
public sealed class TracingApiCollection : ICollectionFixture<TracingApiFixture>
{
    public const string Name = "tracing";
}
