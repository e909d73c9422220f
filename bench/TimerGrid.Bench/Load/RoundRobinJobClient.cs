namespace TimerGrid.Bench.Load;

/// <summary>Spreads creations over a cluster's standalone gateways, one client each, by job index.</summary>
internal sealed class RoundRobinJobClient(IReadOnlyList<IJobClient> clients) : IJobClient
{
    public string Kind => $"{clients[0].Kind} through {clients.Count} gateways";

    public Task<string?> CreateAsync(JobPlan plan, int index, long triggerTime) => clients[index % clients.Count].CreateAsync(plan, index, triggerTime);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }
}
