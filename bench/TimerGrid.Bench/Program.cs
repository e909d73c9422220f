using TimerGrid.Bench;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Scenarios;
using TimerGrid.Bench.Targets;

// Load generator for TimerGrid and its peers: progress on stderr, the results tables on stdout.
var paths = RepoPaths.Find();
BenchOptions options;
try
{
    options = BenchOptions.Parse(args, paths.DefaultResultsDir);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (paths.MissingBuilds.FirstOrDefault() is { } missing)
{
    Console.Error.WriteLine($"{missing} is missing: build the solution in this configuration first (bench/run.sh and bench/compare.sh do)");
    return 2;
}

var environment = new BenchEnvironment(paths, options.Postgres, options.BaselineSilo);
var reports = new List<Report>();
var aborted = false;
foreach (var target in options.Targets)
{
    if (options.Command == BenchOptions.Compare)
    {
        // One node per target serves the compared scenarios in turn (recovery, which kills it, last): a
        // comparison of seven targets then fits in minutes.
        aborted |= !await RunAsync(target, options.Scenarios, BenchOptions.Compare);
        continue;
    }
    foreach (var scenario in options.Scenarios)
    {
        aborted |= !await RunAsync(target, [scenario], scenario.Name);
    }
}

Console.WriteLine($"Machine: {MachineInfo.Line()}\n");
Console.WriteLine(ResultsTable.Of(reports));
if (CostTable.Of(reports, options.SiloCores) is { } costs)
{
    Console.WriteLine();
    Console.WriteLine(costs);
}
if (options.Command == BenchOptions.Compare)
{
    Console.WriteLine();
    Console.WriteLine(RatioTable.Of(reports));
}
if (RatioTable.OfBuilds(reports) is { } builds)
{
    Console.WriteLine();
    Console.WriteLine(builds);
}
return aborted || reports.Any(r => r.Failed) ? 1 : 0;

// Runs scenarios on one fresh deployment of target; false if it aborted (the node died or never came up).
async Task<bool> RunAsync(ITarget target, IReadOnlyList<IScenario> scenarios, string purpose)
{
    var current = scenarios[0];
    try
    {
        await using var rig = await BenchRig.StartAsync(environment, target, purpose);
        foreach (var scenario in scenarios)
        {
            current = scenario;
            Console.Error.WriteLine($"== {scenario.Name} on {target.Title}");
            var report = await scenario.RunAsync(rig, options);
            var json = report.WriteJson(options.OutDir, options);
            Console.Error.WriteLine($"{ResultsTable.Row(report)}\n   → {json}");
            reports.Add(report);
        }
        return true;
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
    {
        Console.Error.WriteLine($"   {current.Name} on {target.Name} aborted: {e.Message}");
        return false;
    }
}
