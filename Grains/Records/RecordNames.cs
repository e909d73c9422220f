using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>How states and events are spelled in the tables: camelCase, as in the JSON grain state.</summary>
internal static class RecordNames
{
    public static string Of(ExecutionState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    public static string Of(AuditEvent auditEvent) => JsonNamingPolicy.CamelCase.ConvertName(auditEvent.ToString());

    public static string Of(JobStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    public static T Parse<T>(string name) where T : struct, Enum => Enum.Parse<T>(name, ignoreCase: true);
}
