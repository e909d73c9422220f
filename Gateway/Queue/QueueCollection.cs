namespace TimerGrid.Gateway.Queue;

/// <summary>Where seed-002 jobs live in the native model: job <c>default/queue/&lt;uuid&gt;</c>, route <c>default/&lt;queue&gt;</c> of type QUEUE.</summary>
internal static class QueueCollection
{
    public const string Db = "default";
    public const string Collection = "queue";
}
