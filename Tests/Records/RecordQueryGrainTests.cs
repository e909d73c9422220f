using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Records.RecordSamples;

namespace TimerGrid.Tests.Records;

/// <summary>What the job grain writes through RecordWriter, a client reads through IRecordQueryGrain. Each test has its own db.</summary>
[Collection(SiloCollection.Name)]
public sealed class RecordQueryGrainTests(SiloFixture silo)
{
    private IRecordQueryGrain Records => silo.Grains.GetGrain<IRecordQueryGrain>(0);

    [Fact]
    public async Task GetExecutions_FilteredByJobAndRange_OnlyThoseNewestFirst()
    {
        Write(Execution("q1/c/j", 100, 1), Execution("q1/c/j", 300, 2), Execution("q1/c/j", 200, 3), Execution("q1/c/other", 250, 4), Execution("q1/d/j", 260, 5));
        await silo.Records.FlushAsync();

        var job = await Records.GetExecutionsAsync(new RecordQuery { Db = "q1", Collection = "c", JobId = "j", From = 150 });
        var db = await Records.GetExecutionsAsync(new RecordQuery { Db = "q1", To = 300 });

        Assert.Equal([Execution("q1/c/j", 300, 2), Execution("q1/c/j", 200, 3)], job);
        Assert.Equal([5, 4, 3, 1], db.Select(e => Convert.ToInt32(e.ExecutionId, 16)));
        Assert.Equal(Execution("q1/c/j", 100, 1), await Records.GetExecutionAsync(Execution("q1/c/j", 100, 1).ExecutionId));
        Assert.Null(await Records.GetExecutionAsync("0123456789abcdef0123456789abcdef"));
    }

    [Fact]
    public async Task GetExecutions_PagedByCursor_EveryExecutionOnceNewestFirst()
    {
        var written = Tied("q2/c/j", 40);
        Write([.. written]);
        await silo.Records.FlushAsync();

        var read = new List<ExecutionView>();
        for (string? cursor = null; ;)
        {
            var page = await Records.GetExecutionsAsync(new RecordQuery { Db = "q2", Limit = 7, Cursor = cursor });
            read.AddRange(page);
            if (page.Count < 7)
            {
                break;
            }
            cursor = RecordCursor.After(page[^1]);
        }

        Assert.Equal(NewestFirst(written), read.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task GetAudit_PagedByCursor_EveryEntryOnceNewestFirst()
    {
        foreach (var i in Enumerable.Range(0, 13))
        {
            silo.Records.Write(Audit(i % 2 == 0 ? "q3/c/j" : "q3/c/k", 1_000 + i / 4, AuditEvent.Modified));
        }
        await silo.Records.FlushAsync();

        var read = new List<AuditEntry>();
        for (string? cursor = null; ;)
        {
            var page = await Records.GetAuditAsync(new RecordQuery { Db = "q3", Collection = "c", Limit = 3, Cursor = cursor });
            read.AddRange(page);
            if (page.Count < 3)
            {
                break;
            }
            cursor = RecordCursor.After(page[^1]);
        }

        Assert.Equal(13, read.Select(a => a.Id).Distinct().Count());
        Assert.Equal(read.OrderByDescending(a => a.CreatedTime).ThenByDescending(a => a.Id), read);
        Assert.Equal(7, (await Records.GetAuditAsync(new RecordQuery { Db = "q3", Collection = "c", JobId = "j" })).Count);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("12:")]
    [InlineData(":abc")]
    [InlineData("x1:abc")]
    public async Task GetExecutions_CursorNotMadeByRecordCursor_ThrowsInvalidCursor(string cursor)
    {
        var error = await Assert.ThrowsAsync<TimerGridException>(() => Records.GetExecutionsAsync(new RecordQuery { Db = "q4", Cursor = cursor }));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Error);
    }

    [Fact]
    public async Task GetAudit_CursorWithAnExecutionId_ThrowsInvalidCursor()
    {
        var cursor = RecordCursor.After(Execution("q4/c/j", 5, 0xabc));

        var error = await Assert.ThrowsAsync<TimerGridException>(() => Records.GetAuditAsync(new RecordQuery { Db = "q4", Cursor = cursor }));

        Assert.Equal(ErrorCodes.InvalidCursor, error.Error);
    }

    [Fact]
    public async Task GetExecutions_LimitOutOfRange_ClampedToAtLeastOne()
    {
        Write(Execution("q5/c/j", 100, 1), Execution("q5/c/j", 200, 2));
        await silo.Records.FlushAsync();

        Assert.Single(await Records.GetExecutionsAsync(new RecordQuery { Db = "q5", Limit = 0 }));
        Assert.Equal(2, (await Records.GetExecutionsAsync(new RecordQuery { Db = "q5", Limit = int.MaxValue })).Count);
    }

    [Fact]
    public async Task GetExecutions_InvalidDbOrJobWithoutCollection_ThrowsWithCode()
    {
        var badDb = await Assert.ThrowsAsync<TimerGridException>(() => Records.GetExecutionsAsync(new RecordQuery { Db = "a/b" }));
        var noCollection = await Assert.ThrowsAsync<TimerGridException>(() => Records.GetAuditAsync(new RecordQuery { Db = "q6", JobId = "j" }));

        Assert.Equal(ErrorCodes.InvalidKey, badDb.Error);
        Assert.Equal(ErrorCodes.MissingField, noCollection.Error);
    }

    private void Write(params ExecutionView[] executions)
    {
        foreach (var execution in executions)
        {
            silo.Records.Write(execution);
        }
    }
}
