using TimerGrid.Testing;

namespace TimerGrid.TrialExpiry.Tests;

/// <summary>
/// One TimerGrid for the tests of a class (xunit's class fixture): starting one takes about half a second, a test on
/// it a few milliseconds of real time per month. Its clock only moves forward, so each test schedules relative to
/// <see cref="TimerGridTestHost.Now"/> and uses its own ids.
/// </summary>
public sealed class BillingGrid : IAsyncLifetime
{
    public const string Secret = "whsec_c2FtcGxlLXNlY3JldC1mb3ItdGhlLXRyaWFsLXRlc3Rz";

    public TimerGridTestHost Grid { get; private set; } = null!;

    public Trials Trials { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Grid = await TimerGridTestHost.StartAsync();
        Http = Grid.CreateHttpClient();
        Trials = new Trials(Http, Grid.Clock);
        await Trials.SetUpAsync(Grid.Webhooks.UrlFor("billing/trial-ended"), Secret);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Grid.DisposeAsync();
    }
}
