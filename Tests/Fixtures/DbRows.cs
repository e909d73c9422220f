using System.Data.Common;

namespace TimerGrid.Tests.Fixtures;

public static class DbRows
{
    /// <summary>Adds each (name, value) as a parameter of the command.</summary>
    public static DbCommand WithParameters(this DbCommand command, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs the command and returns every row of its first result, DBNull as null.</summary>
    public static async Task<List<object?[]>> ReadAllAsync(DbCommand command)
    {
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
