using System.Collections.Concurrent;

namespace TimerGrid.GameServer;

/// <summary>The matches that ended, printed as they end; done once every scheduled match has.</summary>
public sealed class MatchBoard(TextWriter output)
{
    private readonly ConcurrentDictionary<string, bool> _ended = new();
    private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected = int.MaxValue;

    public Task AllEnded => _allEnded.Task;

    public void Expect(int matches)
    {
        _expected = matches;
        CompleteIfDone();
    }

    public void Ended(string idempotencyKey, string line)
    {
        if (_ended.TryAdd(idempotencyKey, true))
        {
            output.WriteLine(line);
            CompleteIfDone();
        }
    }

    private void CompleteIfDone()
    {
        if (_ended.Count >= _expected)
        {
            _allEnded.TrySetResult();
        }
    }
}
