using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Targets;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Reporting;

/// <summary>The figures of one scenario run on one target, in the order measured; written as JSON and as a table row.</summary>
internal sealed class Report(string scenario, ITarget target)
{
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly List<KeyValuePair<string, double>> _figures = [];
    private readonly List<Report> _steps = [];

    public string Scenario => scenario;

    public ITarget Target => target;

    /// <summary>An acknowledged job never arrived, or a creation failed.</summary>
    public bool Failed { get; private set; }

    public IReadOnlyList<KeyValuePair<string, double>> Figures => _figures;

    /// <summary>The figures of each step of a scenario run in steps (<c>capacity</c>), in order.</summary>
    public IReadOnlyList<Report> Steps => _steps;

    /// <summary>A step's failure (a lost job, a failed creation) is the scenario's.</summary>
    public void AddStep(Report step)
    {
        _steps.Add(step);
        Failed |= step.Failed;
    }

    public double? Figure(string key) => _figures.FirstOrDefault(f => f.Key == key) is { Key: not null } found ? found.Value : null;

    public void Add(string key, double value) => _figures.Add(new(key, Math.Round(value, 3)));

    /// <summary>Request durations as <c>{what}_ms_p50</c> and <c>{what}_ms_max</c>; none when nothing was timed.</summary>
    public void AddLatencies(string what, double[] ms)
    {
        if (ms.Length == 0)
        {
            return;
        }
        var sorted = ms.Order().ToArray();
        Add($"{what}_ms_p50", sorted[sorted.Length / 2]);
        Add($"{what}_ms_max", sorted[^1]);
    }

    /// <summary>A yes/no finding (1 or 0); a no fails the scenario.</summary>
    public void AddCheck(string key, bool passed)
    {
        Add(key, passed ? 1 : 0);
        Failed |= !passed;
    }

    public void AddCreation(JobBatch batch, string prefix = "")
    {
        Add(prefix + "jobs", batch.Acknowledged);
        Add(prefix + "create_s", batch.Elapsed.TotalSeconds);
        Add(prefix + "create_per_s", batch.PerSecond);
        Add(prefix + "errors", batch.Errors);
        if (batch.Plan.Lead is not null)
        {
            Add(prefix + "skipped", batch.Skipped);
        }
        Failed |= batch.Errors > 0;
    }

    /// <summary>Lateness, throughput, missing, duplicate and early webhooks; <paramref name="withLateness"/> false when lateness is by design (recovery).</summary>
    public void AddFiring(FiringOutcome outcome, string prefix = "", bool withLateness = true)
    {
        if (withLateness && outcome.Lateness is { } lateness)
        {
            Add(prefix + "lateness_p50_ms", lateness.P50);
            Add(prefix + "lateness_p99_ms", lateness.P99);
            Add(prefix + "lateness_p999_ms", lateness.P999);
            Add(prefix + "lateness_max_ms", lateness.Max);
            Add(prefix + "fire_per_s", outcome.PerSecond);
        }
        Add(prefix + "missing", outcome.Missing);
        Add(prefix + "duplicates", outcome.Duplicates);
        Add(prefix + "early", outcome.Early);
        Failed |= outcome.Missing > 0;
    }

    /// <summary>Writes <c>&lt;scenario&gt;-&lt;yyyyMMdd-HHmmss&gt;.json</c> into <paramref name="outDir"/> and returns its path.</summary>
    public string WriteJson(string outDir, BenchOptions options)
    {
        var json = new JsonObject
        {
            ["scenario"] = scenario,
            ["target"] = target.Name,
            ["target_title"] = target.Title,
            ["started_at"] = _startedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = MachineInfo.Describe(),
            ["options"] = new JsonObject
            {
                ["command"] = options.Command,
                ["jobs"] = options.Jobs,
                ["ahead_s"] = options.Ahead?.TotalSeconds,
                ["rate"] = options.Rate,
                ["seconds"] = options.Seconds,
                ["pending"] = options.Pending,
                ["idle_s"] = options.Idle.TotalSeconds,
                ["start_rate"] = options.StartRate,
                ["step_seconds"] = options.StepSeconds,
                ["ramp"] = options.Ramp,
                ["max_rate"] = options.MaxRate,
                ["silo_cores"] = options.SiloCores,
            },
            ["figures"] = FiguresJson(),
        };
        if (_steps.Count > 0)
        {
            json["steps"] = new JsonArray([.. _steps.Select(s => s.FiguresJson())]);
        }
        Directory.CreateDirectory(outDir);
        var path = Path.Combine(outDir, $"{scenario}-{target.Name}-{_startedAt:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return path;
    }

    private JsonObject FiguresJson()
    {
        var figures = new JsonObject();
        foreach (var (key, value) in _figures)
        {
            figures[key] = value;
        }
        return figures;
    }
}
