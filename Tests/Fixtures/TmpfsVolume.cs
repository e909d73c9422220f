using System.Diagnostics;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// A real, small volume (a tmpfs mounted for the test; the tests run as root) that a test fills up and frees again:
/// a node's data dir on a full disk.
/// </summary>
public sealed class TmpfsVolume : IDisposable
{
    private const string Filler = "filler";
    private readonly TempDir _mountPoint = new();

    private TmpfsVolume(int mebibytes) => Run("mount", "-t", "tmpfs", "-o", $"size={mebibytes}m", "tmpfs", _mountPoint.Path);

    public string Path => _mountPoint.Path;

    public static TmpfsVolume Mount(int mebibytes) => new(mebibytes);

    /// <summary>Writes a file until the volume has no space left.</summary>
    public void Fill()
    {
        using var file = new FileStream(System.IO.Path.Combine(Path, Filler), FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(chunk);
                file.Flush();
            }
        }
        catch (IOException)
        {
            // ENOSPC: full
        }
    }

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Free() => File.Delete(System.IO.Path.Combine(Path, Filler));

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        }
    }
}
