using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;

namespace TimerGrid.Silo.Backup;

/// <summary>
/// <c>dotnet run --project Silo -- backup &lt;file&gt;</c>: copies a single node's database into a new file while the
/// node runs (or not), through SQLite's online backup, in one read snapshot: every job, route, key and record
/// acknowledged before the copy began is in it, and nothing half-written. A node started on the copy (as its
/// <c>timergrid.db</c>) is the node as it was at that moment.
/// </summary>
internal static class BackupCommand
{
    public const string Usage = """
        usage: backup <file>
        with the node's configuration, e.g. --TimerGrid:DataDir=<dir>; the node may be running. The file must not exist.
        """;

    /// <summary>0 written, 1 refused or failed, 2 not a command.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var file, .. var configuration] || file.StartsWith('-'))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var options = NodeOptions(configuration);
        if (options.Storage == StorageKind.Postgres)
        {
            await error.WriteLineAsync("this node stores in PostgreSQL: back up the database with pg_dump or PostgreSQL's continuous archiving (README: Operating TimerGrid)");
            return 1;
        }
        var source = Path.Combine(Path.GetFullPath(options.DataDir), SqliteStorage.FileName);
        var target = Path.GetFullPath(file);
        if (Refusal(source, target) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return 1;
        }
        var elapsed = Stopwatch.StartNew();
        try
        {
            var jobs = Copy(source, target);
            await output.WriteLineAsync($"backed up {source} to {target}: {new FileInfo(target).Length:N0} bytes, {jobs:N0} jobs, in {elapsed.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (SqliteException e)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(target);
            await error.WriteLineAsync($"backup failed, nothing written: {e.Message}");
            return 1;
        }
    }

    /// <summary>The node's own configuration sources: appsettings, environment, then these arguments.</summary>
    private static TimerGridOptions NodeOptions(string[] configuration) =>
        Host.CreateApplicationBuilder(configuration).Configuration.GetSection(TimerGridOptions.Section).Get<TimerGridOptions>() ?? new TimerGridOptions();

    private static string? Refusal(string source, string target)
    {
        if (!File.Exists(source))
        {
            return $"no TimerGrid database at {source} (give the node's --TimerGrid:DataDir)";
        }
        if (File.Exists(target) || Directory.Exists(target))
        {
            return $"{target} exists: a backup goes to a new file";
        }
        return Directory.Exists(Path.GetDirectoryName(target)) ? null : $"no folder {Path.GetDirectoryName(target)} for {target}";
    }

    /// <summary>The copy, one self-contained file (a node sets WAL mode again when it starts on it); the number of jobs in it.</summary>
    private static long Copy(string source, string target)
    {
        using var copy = Open(target, SqliteOpenMode.ReadWriteCreate);
        using (var from = Open(source, SqliteOpenMode.ReadWrite))
        {
            from.BackupDatabase(copy);   // one step: all pages under one read snapshot; the node's writers go on meanwhile
        }
        using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE";
        command.ExecuteNonQuery();
        command.CommandText = "SELECT coalesce(sum(n), 0) FROM tg_job_counts";
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }
}
