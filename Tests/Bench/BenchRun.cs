using System.Diagnostics;
using System.Text;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Bench;

/// <summary>One run of the benchmark console (the Debug build beside the tests, so it drives the Debug nodes) and the results it wrote.</summary>
public sealed record BenchRun(int ExitCode, string Stdout, string Stderr, IReadOnlyList<BenchResult> Results)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private static string BenchDll => Path.Combine(RepositoryRoot.Path, "bench", "TimerGrid.Bench", "bin", "Debug", "net10.0", "TimerGrid.Bench.dll");

    public static async Task<BenchRun> RunAsync(string resultsDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(BenchDll);
        foreach (var arg in args.Concat(["--out", resultsDir]))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the bench ran over {Timeout}:\n{Text(stderr)}");
        }
        process.WaitForExit();   // drains the output
        var results = Directory.GetFiles(resultsDir, "*.json").Select(BenchResult.Read).ToArray();
        return new BenchRun(process.ExitCode, Text(stdout), Text(stderr), results);
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}

/// <summary>One scenario's JSON: which scenario on which target, its figures, and those of each step (capacity).</summary>
public sealed record BenchResult(string Scenario, string Target, IReadOnlyDictionary<string, double> Figures, IReadOnlyList<BenchResult> Steps)
{
    public static BenchResult Read(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        var (scenario, target) = (root.GetProperty("scenario").GetString()!, root.GetProperty("target").GetString()!);
        var steps = root.TryGetProperty("steps", out var array)
            ? [.. array.EnumerateArray().Select(step => new BenchResult(scenario, target, FiguresOf(step), []))]
            : Array.Empty<BenchResult>();
        return new BenchResult(scenario, target, FiguresOf(root.GetProperty("figures")), steps);
    }

    private static Dictionary<string, double> FiguresOf(JsonElement figures) =>
        figures.EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetDouble());

    public double this[string figure] => Figures.TryGetValue(figure, out var value) ? value : throw new KeyNotFoundException($"{Scenario} on {Target} has no '{figure}': {string.Join(", ", Figures.Keys)}");
}
