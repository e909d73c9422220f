using TimerGrid.Grains.Interfaces.Records;
using static TimerGrid.Tests.Records.RecordSamples;

namespace TimerGrid.Tests.Records;

/// <summary>The failed executions of a db (script 0014), read from their own index.</summary>
public abstract partial class RecordStoreTests
{
    [Fact]
    public async Task ReadExecutions_FailedOnly_OnlyFailedOnesOfDbCollectionJobAndRangeNewestFirst()
    {
        await Store.WriteAsync([
            Execution("d/a/j1", 100, 1, ExecutionState.Failed), Execution("d/a/j1", 300, 2), Execution("d/a/j1", 200, 3, ExecutionState.Failed),
            Execution("d/a/j2", 150, 4, ExecutionState.Failed), Execution("d/b/j1", 250, 5, ExecutionState.Failed),
            Execution("e/a/j1", 120, 6, ExecutionState.Failed), Execution("d/a/j1", 400, 7, ExecutionState.Retrying)], [], default);

        Assert.Equal([5, 3, 4, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", FailedOnly = true }));
        Assert.Equal([3, 4, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", Collection = "a", FailedOnly = true }));
        Assert.Equal([3, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", Collection = "a", JobId = "j1", FailedOnly = true }));
        Assert.Equal([4, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", From = 100, To = 200, FailedOnly = true }));
        Assert.Equal([5, 3], await ExecutionNumbersAsync(new RecordQuery { Db = "d", FailedOnly = true }, limit: 2));
    }

    [Fact]
    public async Task ReadExecutions_FailedOnlyPagedByKeyset_EveryFailedOnceInOrder()
    {
        var written = Tied("d/c/j", 23).Select((e, i) => i % 3 == 0 ? e : e with { State = ExecutionState.Failed }).ToList();
        await Store.WriteAsync(written, [], default);

        var read = new List<ExecutionView>();
        for (var before = (Time: long.MaxValue, Id: ""); ;)
        {
            var page = await Store.ReadExecutionsAsync(new RecordQuery { Db = "d", FailedOnly = true }, 4, before);
            read.AddRange(page);
            if (page.Count < 4)
            {
                break;
            }
            before = (page[^1].ScheduledTime, page[^1].ExecutionId);
        }

        Assert.Equal(NewestFirst(written.Where(e => e.State == ExecutionState.Failed)), read.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task ReadExecutions_FailedOnly_FollowsTheLatestWriteOfEachExecution()
    {
        var execution = Execution("d/c/j", 100, 1, ExecutionState.Failed);
        await Store.WriteAsync([execution, Execution("d/c/j", 200, 2, ExecutionState.Retrying)], [], default);
        await Store.WriteAsync([execution with { State = ExecutionState.Succeeded }, Execution("d/c/j", 200, 2, ExecutionState.Failed)], [], default);

        Assert.Equal([2], await ExecutionNumbersAsync(new RecordQuery { Db = "d", FailedOnly = true }));
    }
}
