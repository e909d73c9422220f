namespace TimerGrid.Grains.Storage;

/// <summary>What one write of a group commit returned: its result sets, read up front, and the rows it changed.</summary>
internal sealed record WriteResult(BufferedResultReader Rows, int RecordsAffected);
