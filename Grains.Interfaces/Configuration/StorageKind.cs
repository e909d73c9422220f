namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>Where TimerGrid keeps its durable data.</summary>
public enum StorageKind
{
    /// <summary>An embedded SQLite file under the data directory (single node).</summary>
    Sqlite,
    /// <summary>A PostgreSQL server (cluster).</summary>
    Postgres,
}
