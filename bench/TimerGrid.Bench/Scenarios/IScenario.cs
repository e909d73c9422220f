using TimerGrid.Bench.Reporting;

namespace TimerGrid.Bench.Scenarios;

/// <summary>One benchmark, run against a fresh node.</summary>
internal interface IScenario
{
    string Name { get; }

    Task<Report> RunAsync(BenchRig rig, BenchOptions options);
}
