using System.Diagnostics;
using System.Text;

namespace TimerGrid.Tests.Fixtures;

/// <summary>A silo or a standalone gateway as a separate OS process, so a test can kill -9 it or stop it gracefully.</summary>
public sealed class TimerGridProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private TimerGridProcess(Process process) => _process = process;

    public Uri Url { get; private init; } = null!;

    /// <summary>False once the process ended, e.g. a silo that the cluster declared dead and that stopped itself.</summary>
    public bool IsRunning => !_process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="readyWithin">How long it may take to answer <c>/healthz</c> (90 s).</param>
    public static Task<TimerGridProcess> StartAsync(int httpPort, IReadOnlyDictionary<string, string?> settings, TimeSpan? readyWithin = null) =>
        StartAsync("TimerGrid.Silo.dll", "/healthz", httpPort, settings, readyWithin ?? TimeSpan.FromSeconds(90));

    /// <summary>A standalone gateway; ready once it reaches the cluster.</summary>
    public static Task<TimerGridProcess> StartGatewayAsync(int httpPort, IReadOnlyDictionary<string, string?> settings) =>
        StartAsync("TimerGrid.Gateway.dll", "/readyz", httpPort, settings, TimeSpan.FromSeconds(90));

    private static async Task<TimerGridProcess> StartAsync(string assembly, string readyPath, int httpPort, IReadOnlyDictionary<string, string?> settings, TimeSpan readyWithin)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{httpPort}");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }
        var node = new TimerGridProcess(Process.Start(info)!) { Url = new Uri($"http://127.0.0.1:{httpPort}") };
        RunCleanup.KillAtExit(node._process, assembly);
        node._process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            await node.WaitUntilAnsweringAsync(readyPath, readyWithin);
        }
        catch
        {
            await node.DisposeAsync();   // one that never got ready must not outlive the test
            throw;
        }
        return node;
    }

    /// <summary>SIGTERM: the graceful shutdown Kubernetes and systemd ask for.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing graceful.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private async Task WaitUntilAnsweringAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync();   // the last lines of its output, which say why
                throw new InvalidOperationException($"the process exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(path)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // starting
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{path} did not answer 200:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
