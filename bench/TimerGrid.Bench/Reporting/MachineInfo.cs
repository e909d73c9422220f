using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace TimerGrid.Bench.Reporting;

/// <summary>What the figures were measured on, from /proc.</summary>
internal static class MachineInfo
{
    public static JsonObject Describe() => new()
    {
        ["nproc"] = Environment.ProcessorCount,
        ["cpu"] = Cpu,
        ["memory"] = ProcField("/proc/meminfo", "MemTotal"),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet_runtime"] = RuntimeInformation.FrameworkDescription,
    };

    /// <summary>One line for the results: cores, CPU, memory, OS, runtime.</summary>
    public static string Line()
    {
        var memoryKib = long.Parse(ProcField("/proc/meminfo", "MemTotal").Split(' ')[0]);
        return $"{Environment.ProcessorCount} cores ({Cpu}), {memoryKib / (1024.0 * 1024):F0} GiB RAM, " +
            $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string Cpu => ProcField("/proc/cpuinfo", "model name");

    private static string ProcField(string file, string name) =>
        File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
}
