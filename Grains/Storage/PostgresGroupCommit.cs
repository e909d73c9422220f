using Npgsql;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Group commit for this silo's PostgreSQL writes (grain state, reminders). Each write waits in a queue; one loop
/// takes every write that queued while the previous batch committed and sends them as one <see cref="NpgsqlBatch"/>:
/// its statements run in one implicit transaction that commits at the batch's end, so the statements and the commit
/// cost one round trip. A writer hears back only after the commit: durability is unchanged. A statement PostgreSQL
/// refuses (a unique name, say) fails only its own writer: the others run again without it; a full disk may refuse any
/// of them, and then each runs alone. A deadlock with another silo's batch runs the whole batch again.
/// Every statement must return a result set (RETURNING or SELECT): results are matched to statements in order.
/// </summary>
internal sealed class PostgresGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int MaxDeadlocks = 5;
    private const int IsolatedAtOnce = 8;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WriteBatches<PendingWrite> _writes;

    public PostgresGroupCommit(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writes = new WriteBatches<PendingWrite>(MaxBatch, CommitAsync);
    }

    /// <summary>
    /// One write of one or more statements sharing <paramref name="parameters"/>; completes once committed with the
    /// first value any of its statements returned (null when none returned a row).
    /// </summary>
    public Task<object?> ExecuteAsync(IReadOnlyList<string> statements, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(statements, parameters, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _writes.Add(write);
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitAsync(List<PendingWrite> pending)
    {
        var deadlocks = 0;
        while (true)
        {
            var (commands, owners) = (new List<NpgsqlBatchCommand>(), new List<int>());
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync();
                await using var batch = Batch(connection, pending, commands, owners);
                var results = await ExecuteAsync(batch, owners, pending.Count);
                for (var i = 0; i < pending.Count; i++)
                {
                    pending[i].Done.TrySetResult(results[i]);
                }
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && ++deadlocks < MaxDeadlocks)
            {
                // not any one writer's fault: all of them again
            }
            catch (PostgresException e) when (pending.Count > 1)
            {
                // A statement refused: its writer alone fails. Npgsql names the statement unless the error came after its
                // first rows (a trigger's, say); then halves of the batch run apart until the refused write is alone.
                if (e.BatchCommand is { } failed && commands.IndexOf(failed) is var position and >= 0)
                {
                    var owner = owners[position];
                    pending[owner].Done.TrySetException(e);
                    pending.RemoveAt(owner);
                    continue;
                }
                if (IsServerRefusal(e))
                {
                    // Npgsql drops the connection after such an error: halves one after another would cost 2n - 1 attempts
                    // on new connections in a row (50 writes on a full disk: 5 s). Each write alone, a few at once.
                    await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = IsolatedAtOnce },
                        async (write, _) => await CommitAsync([write]));
                    return;
                }
                var half = pending.Count / 2;
                await CommitAsync(pending[..half]);
                await CommitAsync(pending[half..]);
                return;
            }
            catch (Exception e)
            {
                // The connection or the commit failed (or the one write was refused): nothing of this batch is durable.
                // When the database could not be reached, the writes that queued meanwhile fail with it: each would
                // otherwise wait out this attempt's connect timeout and then its own, and answer its caller twice as late.
                var failed = e is PostgresException ? pending : [.. pending, .. _writes.TakeQueued()];
                foreach (var write in failed)
                {
                    write.Done.TrySetException(e);
                }
                return;
            }
        }
    }

    /// <summary>
    /// The server refused for want of a resource (class 53: a full disk, memory) or on a system error (class 58: I/O), not
    /// for anything in the statement: it may refuse any write of the batch, or all of them.
    /// </summary>
    private static bool IsServerRefusal(PostgresException e) => e.SqlState.StartsWith("53", StringComparison.Ordinal) || e.SqlState.StartsWith("58", StringComparison.Ordinal);

    /// <summary>Every statement of every write, in order; <paramref name="owners"/> says whose each one is.</summary>
    private static NpgsqlBatch Batch(NpgsqlConnection connection, List<PendingWrite> pending, List<NpgsqlBatchCommand> commands, List<int> owners)
    {
        var batch = connection.CreateBatch();
        for (var i = 0; i < pending.Count; i++)
        {
            foreach (var sql in pending[i].Statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var parameter in pending[i].Parameters)
                {
                    command.Parameters.Add(parameter.Clone());   // a parameter belongs to one collection; an attempt may be the second
                }
                batch.BatchCommands.Add(command);
                commands.Add(command);
                owners.Add(i);
            }
        }
        return batch;
    }

    private static async Task<object?[]> ExecuteAsync(NpgsqlBatch batch, List<int> owners, int writes)
    {
        var results = new object?[writes];
        await using var reader = await batch.ExecuteReaderAsync();
        var statement = 0;
        do
        {
            if (results[owners[statement]] is null && await reader.ReadAsync())
            {
                results[owners[statement]] = reader.IsDBNull(0) ? null : reader.GetValue(0);
            }
            statement++;
        }
        while (await reader.NextResultAsync());
        if (statement != owners.Count)
        {
            throw new InvalidOperationException("every statement of the group commit must return a result set (RETURNING or SELECT)");
        }
        return results;
    }

    public ValueTask DisposeAsync() => _writes.DisposeAsync();

    private sealed record PendingWrite(IReadOnlyList<string> Statements, NpgsqlParameter[] Parameters, TaskCompletionSource<object?> Done);
}
