namespace TimerGrid.Grains.Background;

/// <summary>
/// Work a silo repeats in the background: once after <paramref name="firstDelay"/> (start-up has more urgent work),
/// then every <paramref name="interval"/> until stopped. A round that fails is handed to <paramref name="failed"/> and
/// the loop goes on: a fault must not end it.
/// </summary>
internal sealed class PeriodicLoop(
    TimeProvider clock,
    TimeSpan firstDelay,
    TimeSpan interval,
    Func<CancellationToken, Task> work,
    Action<Exception> failed)
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(firstDelay, clock, _stopping.Token);
            using var timer = new PeriodicTimer(interval, clock);
            do
            {
                try
                {
                    await work(_stopping.Token);
                }
                catch (Exception e) when (!_stopping.IsCancellationRequested)
                {
                    failed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(_stopping.Token));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }
}
