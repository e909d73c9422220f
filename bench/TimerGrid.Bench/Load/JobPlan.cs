namespace TimerGrid.Bench.Load;

/// <summary>
/// Jobs to create in one collection, in index order. With a <see cref="Lead"/>, job i is not created before
/// its trigger time minus the lead: creation is paced to stay that far ahead of firing.
/// </summary>
internal sealed record JobPlan(string Collection, int Count, Func<int, long> TriggerTime, TimeSpan? Lead = null)
{
    public const string Db = "bench";
    public const string WebhookRoute = "r";
    public const string GrainRoute = "g";

    /// <summary>The route the plan's jobs deliver to: the webhook, or (TimerGrid on SQLite) the bench's callback grains.</summary>
    public string Route { get; init; } = WebhookRoute;

    public static string Id(int index) => $"j{index}";

    public string Key(int index) => $"{Db}/{Collection}/{Id(index)}";

    /// <summary><paramref name="count"/> jobs due evenly within the second starting at <paramref name="from"/> (epoch ms).</summary>
    public static JobPlan WithinOneSecond(string collection, int count, long from, string route = WebhookRoute) =>
        new(collection, count, i => from + 1000L * i / count) { Route = route };
}
