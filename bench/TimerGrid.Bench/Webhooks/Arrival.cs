namespace TimerGrid.Bench.Webhooks;

/// <summary>One webhook as the receiver saw it: the job (<c>db/collection/id</c>), its trigger time and when it arrived, in epoch ms.</summary>
internal readonly record struct Arrival(string Job, long TriggerTime, double ArrivedAt)
{
    public double LatenessMs => ArrivedAt - TriggerTime;
}
