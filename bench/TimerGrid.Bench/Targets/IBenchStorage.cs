namespace TimerGrid.Bench.Targets;

/// <summary>Where a deployed target keeps its jobs: a data dir or a database of its own, removed afterwards.</summary>
internal interface IBenchStorage : IAsyncDisposable
{
    /// <summary>Bytes on disk: the data dir's files, or <c>pg_database_size</c>.</summary>
    Task<long> SizeBytesAsync();
}
