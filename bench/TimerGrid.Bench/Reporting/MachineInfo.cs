using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace TimerGrid.Bench.Reporting;

/// <summary>What the figures were measured on, from /proc.</summary>
internal static class MachineInfo
{
    public static JsonObject Describe() => new()
    {
        ["nproc"] = Environment.ProcessorCount,
        ["cpu"] = ProcField("/proc/cpuinfo", "model name"),
        ["memory"] = ProcField("/proc/meminfo", "MemTotal"),
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet_runtime"] = RuntimeInformation.FrameworkDescription,
    };

    private static string ProcField(string file, string name) =>
        File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
}
