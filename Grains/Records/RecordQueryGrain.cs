using System.Globalization;
using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Records;

/// <summary>The read side behind <see cref="IRecordQueryGrain"/>: checks the query, then asks <see cref="RecordStore"/>.</summary>
[StatelessWorker, GrainType("records")]
internal sealed class RecordQueryGrain(RecordStore store) : Grain, IRecordQueryGrain
{
    private const int MaxLimit = 1000;

    public async Task<IReadOnlyList<ExecutionView>> GetExecutionsAsync(RecordQuery query)
    {
        Validate(query);
        var before = query.Cursor is null ? (query.To, "") : ParseCursor(query.Cursor);
        return await StorageErrors.AnswerAsync(() => store.ReadExecutionsAsync(query, Limit(query), before));
    }

    public Task<ExecutionView?> GetExecutionAsync(string executionId) => StorageErrors.AnswerAsync(() => store.ReadExecutionAsync(executionId));

    public async Task<IReadOnlyList<AuditEntry>> GetAuditAsync(RecordQuery query)
    {
        Validate(query);
        var before = query.Cursor is null ? (query.To, long.MaxValue) : ParseCursor(query.Cursor) switch
        {
            var (time, id) when long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => (time, number),
            _ => throw InvalidCursor(query.Cursor),
        };
        return await StorageErrors.AnswerAsync(() => store.ReadAuditAsync(query, Limit(query), before));
    }

    private static void Validate(RecordQuery query)
    {
        KeyRules.RequireDbOrAll(query.Db);   // "*": the audit entries of no one db (API keys of all dbs, refusals)
        if (query.Collection is not null)
        {
            KeyRules.Require(query.Collection, "collection");
        }
        if (query.JobId is not null)
        {
            KeyRules.Require(query.JobId, "job id");
            if (query.Collection is null)
            {
                throw new TimerGridException(ErrorCodes.MissingField, "a job id needs its collection");
            }
        }
    }

    private static int Limit(RecordQuery query) => Math.Clamp(query.Limit, 1, MaxLimit);

    private static (long Time, string Id) ParseCursor(string cursor) =>
        RecordCursor.TryParse(cursor, out var time, out var id) ? (time, id) : throw InvalidCursor(cursor);

    private static TimerGridException InvalidCursor(string cursor) =>
        new(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor of this listing; pass the one made from the last entry of the previous page");
}
