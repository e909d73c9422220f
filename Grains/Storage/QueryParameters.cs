using System.Data;
using System.Data.Common;
using System.Text;

namespace TimerGrid.Grains.Storage;

/// <summary>Typed parameters of TimerGrid's own queries: PostgreSQL must know a null's type.</summary>
internal static class QueryParameters
{
    public static void Add(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value is null ? null : Clean(value));

    public static void Add(this DbCommand command, string name, long? value) => command.Add(name, DbType.Int64, value);

    public static void Add(this DbCommand command, string name, int? value) => command.Add(name, DbType.Int32, value);

    public static void Add(this DbCommand command, string name, bool? value) => command.Add(name, DbType.Boolean, value);

    public static void Add(this DbCommand command, string name, byte[]? value) => command.Add(name, DbType.Binary, value);

    /// <summary>A UTC time (PostgreSQL: timestamptz).</summary>
    public static void Add(this DbCommand command, string name, DateTime value) => command.Add(name, DbType.DateTime, value);

    /// <summary>The key columns TimerGrid's tables share: a db, and within it a collection and a job id when the query narrows to them.</summary>
    public static void AddJob(this DbCommand command, string db, string? collection, string? jobId)
    {
        command.Add("Db", db);
        command.Add("Collection", collection);
        command.Add("JobId", jobId);
    }

    private static void Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // Response bodies and errors come from outside. PostgreSQL rejects NUL in text and no encoder takes a lone
    // surrogate (a body cut at MaxResultBytes can end in one); a row storage can never take would stall the writer.
    private static string Clean(string value)
    {
        if (!value.Any(c => c == '\0' || char.IsSurrogate(c)))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())   // an ill-formed surrogate comes out as U+FFFD
        {
            builder.Append(rune.Value == 0 ? Rune.ReplacementChar : rune);
        }
        return builder.ToString();
    }
}
