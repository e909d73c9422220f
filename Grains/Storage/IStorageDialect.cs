using System.Data.Common;

namespace TimerGrid.Grains.Storage;

/// <summary>One storage engine: where its connections come from and how it serializes migrations. The only place dialects differ, besides their scripts.</summary>
internal interface IStorageDialect
{
    /// <summary>The folder of its scripts under Storage/Scripts.</summary>
    string Name { get; }

    /// <summary>The Orleans ADO.NET invariant name.</summary>
    string Invariant { get; }

    DbDataSource DataSource { get; }

    /// <summary>Opens a transaction that holds the schema lock until it ends, so concurrent starts apply each script once.</summary>
    Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction and commits it: many rows for the price of one commit.
    /// Commands must join the transaction it is given.
    /// </summary>
    Task WriteInTransactionAsync(Func<DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="error"/> is this engine refusing a row that breaks a unique index.</summary>
    bool IsUniqueViolation(DbException error);
}
