using System.Diagnostics;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Runs the silo's command line (<c>TimerGrid.Silo.dll keys ...</c>) to its end, as an operator would.</summary>
public static class SiloCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="settings">Configuration given as <c>--Key=value</c> after <paramref name="args"/>.</param>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TimerGrid.Silo.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return new Result(process.ExitCode, await output, await error);
    }
}
