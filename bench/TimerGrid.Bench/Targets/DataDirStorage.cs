namespace TimerGrid.Bench.Targets;

/// <summary>TimerGrid's embedded SQLite: the data dir of one node.</summary>
internal sealed class DataDirStorage(string path) : IBenchStorage
{
    public string Path => path;

    public Task<long> SizeBytesAsync() =>
        Task.FromResult(new DirectoryInfo(path).EnumerateFiles().Sum(f => f.Length));

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        return ValueTask.CompletedTask;
    }
}
