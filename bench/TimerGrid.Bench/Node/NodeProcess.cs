using System.Diagnostics;

namespace TimerGrid.Bench.Node;

/// <summary>
/// One scheduler node (TimerGrid's silo, or a peer's host) as a separate OS process, so that it can be
/// measured through /proc, killed with SIGKILL and restarted on the same data. It serves HTTP on
/// <see cref="Url"/> and is up once <paramref name="readyPath"/> answers 200 (<c>/healthz</c>; a standalone
/// gateway's <c>/readyz</c>, which waits for the cluster); <paramref name="arguments"/> gives the rest of
/// its command line, asked again at each start. A bench stopped by a signal kills it too (<see cref="NodeReaper"/>).
/// </summary>
internal sealed class NodeProcess(string dll, Func<IEnumerable<string>> arguments, string logPath, string readyPath = "/healthz") : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly int _httpPort = FreePort.Next();
    private readonly StreamWriter _log = new(logPath, append: true) { AutoFlush = true };
    private Process? _process;

    public Uri Url => new($"http://127.0.0.1:{_httpPort}");

    public int Pid => _process switch
    {
        null => throw new InvalidOperationException("the node is not running"),
        { HasExited: true } exited => throw new InvalidOperationException($"the node exited by itself (code {exited.ExitCode}); see {logPath}"),
        var running => running.Id,
    };

    /// <summary>Starts the node and returns how long it took from process start until its ready path answered 200.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,   // the content root, where appsettings.json is
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls={Url}");
        foreach (var argument in arguments())
        {
            info.ArgumentList.Add(argument);
        }
        NodeReaper.Watch(this);
        var started = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync(process);
        return started.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref _process, null) is not { } process)   // a signal handler may race the scenario
        {
            return;
        }
        if (process.HasExited)
        {
            Console.Error.WriteLine($"   the node had exited by itself (code {process.ExitCode}); see {logPath}");
        }
        else
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Append($"---- bench: killed with SIGKILL at {DateTimeOffset.UtcNow:O}");
        }
        process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the node exited with {process.ExitCode}; see {logPath}");
            }
            try
            {
                using var response = await http.GetAsync(readyPath);
                if (response.IsSuccessStatusCode)
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
                // listening, still starting
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the node did not answer {readyPath} within {StartTimeout}; see {logPath}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.WriteLine(line);
        }
    }

    public void Dispose()
    {
        NodeReaper.Forget(this);
        Kill();
        _log.Dispose();
    }
}
