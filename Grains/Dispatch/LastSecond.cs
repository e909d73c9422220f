namespace TimerGrid.Grains.Dispatch;

/// <summary>Dispatches sent and delivered over the last second, from the silos' reports: what adaptive back-off cuts from.</summary>
internal sealed class LastSecond
{
    private readonly Queue<(long At, int Sent, int Delivered)> _reports = new();

    public void Add(long now, int sent, int delivered)
    {
        if (sent > 0 || delivered > 0)
        {
            _reports.Enqueue((now, sent, delivered));
        }
        while (_reports.TryPeek(out var oldest) && now - oldest.At > 1000)
        {
            _reports.Dequeue();
        }
    }

    public double Sent => _reports.Sum(r => r.Sent);

    public double Delivered => _reports.Sum(r => r.Delivered);
}
