namespace TimerGrid.Bench;

/// <summary>Where the repository's Release silo and the committed results folder are, found from this binary.</summary>
internal sealed record RepoPaths(string Root)
{
    public string SiloDll => Path.Combine(Root, "Silo", "bin", "Release", "net10.0", "TimerGrid.Silo.dll");

    public string DefaultResultsDir => Path.Combine(Root, "bench", "results");

    public static RepoPaths Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TimerGrid.sln")))
            {
                return new RepoPaths(dir.FullName);
            }
        }
        throw new InvalidOperationException($"no TimerGrid.sln above {AppContext.BaseDirectory}");
    }
}
