using System.Data.Common;
using System.Globalization;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Reminders in PostgreSQL, over Orleans' ADO.NET table and queries (0003) with the same row keys and GrainHash, but
/// with upserts and removals joining the silo's group commit. Reads (a grain's rows, a ring range with our margin)
/// run on pooled connections as before.
/// </summary>
internal sealed class PostgresReminderTable(StoredQueries queries, PostgresStoredWrites writes) : IReminderTable
{
    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new(await queries.ReadAsync("ReadReminderRowsKey", c => c.Add("GrainId", grainId.ToString()), Entry));

    public async Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        new(await queries.ReadAsync((int)begin < (int)end ? "ReadRangeRows1Key" : "ReadRangeRows2Key", c =>
        {
            c.Add("BeginHash", (int)begin);
            c.Add("EndHash", (int)end);
        }, Entry));

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        (await queries.ReadAsync("ReadReminderRowKey", c => Bind(c, grainId, reminderName), Entry)).FirstOrDefault();

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        var version = await writes.WriteAsync("UpsertReminderRowKey", c =>
        {
            Bind(c, entry.GrainId, entry.ReminderName);
            c.Add("StartTime", entry.StartAt.Kind is DateTimeKind.Unspecified ? DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc) : entry.StartAt.ToUniversalTime());
            c.Add("Period", (long)entry.Period.TotalMilliseconds);
            c.Add("GrainHash", (int)entry.GrainId.GetUniformHashCode());
        });
        return Convert.ToString(version, CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        Convert.ToInt32(await writes.WriteAsync("DeleteReminderRowKey", c =>
        {
            Bind(c, grainId, reminderName);
            c.Add("Version", int.Parse(eTag, CultureInfo.InvariantCulture));
        }), CultureInfo.InvariantCulture) == 1;

    public Task TestOnlyClearTable() => queries.ExecuteAsync("DeleteReminderRowsKey", _ => { });

    private static void Bind(DbCommand command, GrainId grainId, string reminderName)
    {
        command.Add("GrainId", grainId.ToString());
        command.Add("ReminderName", reminderName);
    }

    private static ReminderEntry Entry(DbDataReader row) => new()
    {
        GrainId = GrainId.Parse(row.GetString(0)),
        ReminderName = row.GetString(1),
        StartAt = DateTime.SpecifyKind(row.GetDateTime(2), DateTimeKind.Utc),
        Period = TimeSpan.FromMilliseconds(row.GetInt64(3)),
        ETag = row.GetInt32(4).ToString(CultureInfo.InvariantCulture),
    };
}
