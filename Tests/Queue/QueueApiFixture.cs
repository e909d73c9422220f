using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>A node of its own for the queue tests: takes without a queue name draw from every queue of db default; a queue job's grain idles 2 s before it leaves memory, so the tests take jobs both from memory and from their rows.</summary>
public sealed class QueueApiFixture : ApiFixture
{
    protected override Dictionary<string, string?> Settings(string dataDir)
    {
        var settings = base.Settings(dataDir);
        settings["TimerGrid:Queues:MaxAttempts"] = "3";
        settings["TimerGrid:Queues:IdleActivation"] = "00:00:02";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class QueueApiCollection : ICollectionFixture<QueueApiFixture>
{
    public const string Name = "queue-api";
}
