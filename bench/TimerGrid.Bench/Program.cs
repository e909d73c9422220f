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

var environment = new BenchEnvironment(paths, options.Postgres);
var reports = new List<Report>();
var aborted = false;
foreach (var target in options.Targets)
{
    foreach (var scenario in options.Scenarios)
    {
        Console.Error.WriteLine($"== {scenario.Name} on {target.Title}");
        try
        {
            await using var rig = await BenchRig.StartAsync(environment, target, scenario.Name);
            var report = await scenario.RunAsync(rig, options);
            var json = report.WriteJson(options.OutDir, options);
            Console.Error.WriteLine($"{ResultsTable.Row(report)}\n   → {json}");
            reports.Add(report);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
        {
            // The node died or never came up: say so, and go on with the next one.
            Console.Error.WriteLine($"   {scenario.Name} on {target.Name} aborted: {e.Message}");
            aborted = true;
        }
    }
}

Console.WriteLine($"Machine: {MachineInfo.Line()}\n");
Console.WriteLine(ResultsTable.Of(reports));
if (options.Command == BenchOptions.Compare)
{
    Console.WriteLine();
    Console.WriteLine(RatioTable.Of(reports));
}
return aborted || reports.Any(r => r.Failed) ? 1 : 0;
