using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>A node of its own for the queue tests: takes without a queue name draw from every queue of db default.</summary>
public sealed class QueueApiFixture : ApiFixture
{
    protected override Dictionary<string, string?> Settings(string dataDir)
    {
        var settings = base.Settings(dataDir);
        settings["TimerGrid:Queues:MaxAttempts"] = "3";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class QueueApiCollection : ICollectionFixture<QueueApiFixture>
{
    public const string Name = "queue-api";
}
