using TimerGrid.Bench;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Scenarios;

// Load generator for one TimerGrid node: progress on stderr, the results table on stdout.
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
if (!File.Exists(paths.SiloDll))
{
    Console.Error.WriteLine($"{paths.SiloDll} is missing: run `dotnet build Silo -c Release` first (bench/run.sh does)");
    return 2;
}

var reports = new List<Report>();
var aborted = false;
foreach (var scenario in ScenarioCatalog.Select(options.Scenario))
{
    Console.Error.WriteLine($"== {scenario.Name}");
    try
    {
        await using var rig = await BenchRig.StartAsync(scenario.Name, paths.SiloDll);
        var report = await scenario.RunAsync(rig, options);
        var json = report.WriteJson(options.OutDir, options);
        Console.Error.WriteLine($"{ResultsTable.Row(report)}\n   → {json}");
        reports.Add(report);
    }
    catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or IOException)
    {
        // The node died or never came up: say so, and go on with the next scenario.
        Console.Error.WriteLine($"   {scenario.Name} aborted: {e.Message}");
        aborted = true;
    }
}

Console.WriteLine(ResultsTable.Header);
foreach (var report in reports)
{
    Console.WriteLine(ResultsTable.Row(report));
}
return aborted || reports.Any(r => r.Failed) ? 1 : 0;
