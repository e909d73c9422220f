namespace TimerGrid.Tests.Fixtures;

/// <summary>A fresh directory under the system temp folder, removed on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; } = Create();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold the SQLite file for a moment: removed when the run ends.
        }
    }

    private static string Create()
    {
        var path = Directory.CreateTempSubdirectory("timergrid-tests-").FullName;
        RunCleanup.RemoveAtExit(path);
        return path;
    }
}
