using TimerGrid.Bench.Peers;
using TimerGrid.Bench.Peers.Hangfire;
using TimerGrid.Bench.Peers.Quartz;
using TimerGrid.Bench.Peers.Webhooks;

// A peer scheduler (Hangfire or Quartz.NET) on PostgreSQL behind the bench's job API; see bench/README.md.
var builder = WebApplication.CreateSlimBuilder(args);
var peer = builder.Configuration.GetSection(PeerOptions.Section).Get<PeerOptions>() ?? new PeerOptions();
builder.Services.AddOptions<PeerOptions>().BindConfiguration(PeerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHttpClient(WebhookPoster.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
builder.Services.AddSingleton<WebhookPoster>();
switch (peer.Scheduler)
{
    case "hangfire":
        builder.Services.AddHangfirePeer(peer);
        break;
    case "quartz":
        builder.Services.AddQuartzPeer(peer);
        break;
    default:
        throw new InvalidOperationException($"Peer:Scheduler must be 'hangfire' or 'quartz', not '{peer.Scheduler}'");
}

var app = builder.Build();
app.MapJobApi();
app.Run();
