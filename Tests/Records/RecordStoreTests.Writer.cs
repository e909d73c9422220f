using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Records;
using static TimerGrid.Tests.Records.RecordSamples;

namespace TimerGrid.Tests.Records;

public abstract partial class RecordStoreTests
{
    [Fact]
    public async Task Writer_UpdatesOfOneExecutionInOneBatch_EndWithTheLastState()
    {
        var writer = Writer();
        var running = Execution("d/c/j", 100, 1, ExecutionState.Running);
        writer.Write(running);
        writer.Write(running with { State = ExecutionState.Retrying, Attempt = 2, FiredTime = null, UpdatedTime = 200 });
        writer.Write(running with { State = ExecutionState.Succeeded, Attempt = 3, FiredTime = null, UpdatedTime = 300 });
        writer.Write(Audit("d/c/j", 100));
        await writer.StartAsync(default);   // all four are waiting: the first batch carries them together

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(running with { State = ExecutionState.Succeeded, Attempt = 3, UpdatedTime = 300 }, await Store.ReadExecutionAsync(running.ExecutionId));
        Assert.Single(await Store.ReadAuditAsync(new RecordQuery { Db = "d" }, 10, (long.MaxValue, long.MaxValue)));
        await writer.StopAsync(default);
    }

    [Fact]
    public async Task Writer_StorageFailsForAWhile_WritesEverythingOnceItIsBack()
    {
        var writer = Writer();
        await writer.StartAsync(default);
        var before = Tied("d/c/j", 30);
        before.ForEach(writer.Write);
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));

        await ExecuteAsync("ALTER TABLE tg_executions RENAME TO tg_executions_away");
        var during = Tied("d/c/j", 30, firstNumber: 30);
        during.ForEach(writer.Write);
        writer.Write(Audit("d/c/j", 7));
        var flushed = writer.FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(flushed.IsCompleted);   // the table is gone: the writer keeps failing, and keeps the batch
        await ExecuteAsync("ALTER TABLE tg_executions_away RENAME TO tg_executions");
        await flushed.WaitAsync(TimeSpan.FromSeconds(30));

        var read = await Store.ReadExecutionsAsync(new RecordQuery { Db = "d" }, 1000, (long.MaxValue, ""));
        Assert.Equal(NewestFirst([.. before, .. during]), read.Select(e => e.ExecutionId));
        Assert.Single(await Store.ReadAuditAsync(new RecordQuery { Db = "d" }, 10, (long.MaxValue, long.MaxValue)));
        await writer.StopAsync(default);
    }

    private RecordWriter Writer() =>
        new(Store, Options.Create(new RecordOptions()), TimeProvider.System, NullLogger<RecordWriter>.Instance);
}
