using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Every result of a command, read to the end up front, so the statement (and SQLite's write lock)
/// is finished before the caller sees the first row. Write commands return a version or a count.
/// </summary>
internal sealed class BufferedResultReader : DbDataReader
{
    private readonly List<(string[] Names, List<object[]> Rows)> _results = [];
    private int _result;
    private int _row = -1;

    private BufferedResultReader()
    {
    }

    public static BufferedResultReader Load(DbDataReader source)
    {
        var buffered = new BufferedResultReader();
        do
        {
            var names = Enumerable.Range(0, source.FieldCount).Select(source.GetName).ToArray();
            var rows = new List<object[]>();
            while (source.Read())
            {
                var values = new object[source.FieldCount];
                source.GetValues(values);
                rows.Add(values);
            }
            buffered._results.Add((names, rows));
        }
        while (source.NextResult());
        return buffered;
    }

    private (string[] Names, List<object[]> Rows) Result => _results[_result];

    private object[] Current => Result.Rows[_row];

    public override bool Read() => ++_row < Result.Rows.Count;
    public override bool NextResult()
    {
        _row = -1;
        return ++_result < _results.Count;
    }

    public override int FieldCount => Result.Names.Length;
    public override int Depth => 0;
    public override bool HasRows => Result.Rows.Count > 0;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override string GetName(int ordinal) => Result.Names[ordinal];
    public override int GetOrdinal(string name) => Array.FindIndex(Result.Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
        ? i : throw new IndexOutOfRangeException(name);
    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;
    public override Type GetFieldType(int ordinal) => Current[ordinal].GetType();
    public override object GetValue(int ordinal) => Current[ordinal];
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, Current.Length);
        Array.Copy(Current, values, count);
        return count;
    }
    public override bool IsDBNull(int ordinal) => Current[ordinal] is DBNull;
    public override T GetFieldValue<T>(int ordinal) => (T)Convert.ChangeType(Current[ordinal], Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);
    public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);
    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);
    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);
    public override Guid GetGuid(int ordinal) => Guid.Parse(GetString(ordinal));
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);
    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);
    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => Copy((byte[])Current[ordinal], dataOffset, buffer, bufferOffset, length);
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => Copy(GetString(ordinal).ToCharArray(), dataOffset, buffer, bufferOffset, length);
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    private static long Copy<T>(T[] source, long offset, T[]? buffer, int bufferOffset, int length)
    {
        if (buffer is null)
        {
            return source.Length;
        }
        var count = (int)Math.Max(0, Math.Min(length, source.Length - offset));
        Array.Copy(source, offset, buffer, bufferOffset, count);
        return count;
    }
}
