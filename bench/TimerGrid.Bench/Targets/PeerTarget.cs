using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Targets;

/// <summary>
/// Hangfire or Quartz.NET on PostgreSQL, in the bench's peer host (<c>bench/TimerGrid.Bench.Peers</c>)
/// with the <paramref name="profile"/> configuration: <c>default</c> as its documentation recommends,
/// <c>tuned</c> as aggressive as it allows.
/// </summary>
internal sealed class PeerTarget(string scheduler, string profile, string title) : ITarget
{
    public string Name => $"{scheduler}-{profile}";

    public string Title => title;

    public bool NeedsPostgres => true;

    public async Task<Deployment> DeployAsync(BenchEnvironment environment, string workDir, Receiver receiver)
    {
        var database = await environment.CreateDatabaseAsync(this);
        var node = new NodeProcess(
            environment.Paths.PeersDll,
            () => [$"--Peer:Scheduler={scheduler}", $"--Peer:Profile={profile}", $"--Peer:ConnectionString={database.ConnectionString}", $"--Peer:WebhookUrl={receiver.HookUrl}"],
            Path.Combine(workDir, "node.log"));
        return await Deployment.StartAsync(TargetProcess.Single(TargetProcess.PeerNode, node), database, () => Task.FromResult<IJobClient>(new RestJobClient(node.Url)));
    }
}
