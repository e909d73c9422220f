namespace TimerGrid.Bench.Costs;

/// <summary>A PostgreSQL server's counters at a moment, for one target's database (<see cref="PostgresProbe"/>).</summary>
/// <param name="CpuSeconds">The server's processes' CPU (all of them: backends, WAL writer, checkpointer, …); null when its processes are not on this machine.</param>
/// <param name="Xacts">The database's commits and rollbacks (<c>pg_stat_database</c>), read-only transactions included.</param>
/// <param name="WriteXacts">Transaction ids assigned, server-wide: the transactions that wrote.</param>
/// <param name="RowsWritten">The database's rows inserted, updated and deleted.</param>
/// <param name="WalBytes">The WAL's insert position in bytes, server-wide.</param>
/// <param name="Statements">The database's statements executed (<c>pg_stat_statements</c> calls); null when it is not loaded.</param>
internal sealed record PostgresSample(double? CpuSeconds, long Xacts, long WriteXacts, long RowsWritten, long WalBytes, long? Statements)
{
    /// <summary>What the server spent from this sample until <paramref name="later"/>, divided by <paramref name="jobs"/>.</summary>
    public IEnumerable<KeyValuePair<string, double>> PerJobUntil(PostgresSample later, int jobs)
    {
        if (CpuSeconds is { } cpu && later.CpuSeconds is { } laterCpu)
        {
            yield return new("pg_cpu_ms_per_job", 1000 * (laterCpu - cpu) / jobs);
        }
        yield return new("pg_xacts_per_job", (later.Xacts - Xacts) / (double)jobs);
        yield return new("pg_write_xacts_per_job", (later.WriteXacts - WriteXacts) / (double)jobs);
        yield return new("pg_rows_written_per_job", (later.RowsWritten - RowsWritten) / (double)jobs);
        yield return new("pg_wal_bytes_per_job", (later.WalBytes - WalBytes) / (double)jobs);
        if (Statements is { } statements && later.Statements is { } laterStatements)
        {
            yield return new("pg_statements_per_job", (laterStatements - statements) / (double)jobs);
        }
    }
}
