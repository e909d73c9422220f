namespace TimerGrid.Bench.Peers.Webhooks;

/// <summary>What a peer's job does when it runs: POST <paramref name="Body"/> to <paramref name="Url"/>, saying which job and trigger time.</summary>
/// <param name="Job">The job's <c>db/collection/id</c>, as TimerGrid names it.</param>
/// <param name="TriggerTime">When the job was due, epoch ms.</param>
public sealed record WebhookCall(string Url, string Job, long TriggerTime, string Body);
