using System.Diagnostics;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Runs the silo's command line (<c>TimerGrid.Silo.dll keys ...</c>), or another program, to its end, as an operator would.</summary>
public static class SiloCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <param name="settings">Configuration given as <c>--Key=value</c> after <paramref name="args"/>.</param>
    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        RunProgramAsync(Path.Combine(AppContext.BaseDirectory, "TimerGrid.Silo.dll"), settings, args);

    /// <summary>Runs <c>dotnet <paramref name="assembly"/></c> with the arguments, then the settings; at most 60 s.</summary>
    public static async Task<Result> RunProgramAsync(string assembly, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(assembly);
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
