using System.Diagnostics;

namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// The reminder table with its range reads timed as <c>timergrid.reminders.refresh.duration</c>: Orleans reads a silo's
/// whole range at start-up, on every refresh and when the ring changes, and that read grows with the reminders stored.
/// Every other call passes straight through.
/// </summary>
internal sealed class TimedReminderTable(IReminderTable table, TimerGridInstruments instruments) : IReminderTable
{
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => TimeAsync(() => table.ReadRows(begin, end));

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) =>
        TimeAsync(() => table.ReadRows(begin, end, cancellationToken));

    public Task StartAsync(CancellationToken cancellationToken = default) => table.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => table.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => table.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => table.ReadRows(grainId, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => table.ReadRow(grainId, reminderName);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        table.ReadRow(grainId, reminderName, cancellationToken);

    public Task<string?> UpsertRow(ReminderEntry entry) => table.UpsertRow(entry);

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) => table.UpsertRow(entry, cancellationToken);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => table.RemoveRow(grainId, reminderName, eTag);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        table.RemoveRow(grainId, reminderName, eTag, cancellationToken);

    public Task TestOnlyClearTable() => table.TestOnlyClearTable();

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => table.TestOnlyClearTable(cancellationToken);

    private async Task<ReminderTableData> TimeAsync(Func<Task<ReminderTableData>> read)
    {
        var started = Stopwatch.GetTimestamp();
        var rows = await read();
        instruments.ReminderTableRead(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return rows;
    }
}
