using TimerGrid.Testing;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Testing;

/// <summary>One test host for the kit's tests, as a user's test class would share it: each test uses its own ids and times relative to the clock.</summary>
public sealed class TestHostFixture : IAsyncLifetime
{
    public const int MaxAttempts = 3;

    public TimerGridTestHost Grid { get; private set; } = null!;

    public CallbackInbox Inbox { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = new TimerGridTestHostOptions { ConfigureSilo = silo => silo.Services.AddSingleton(Inbox) };
        options.Settings["TimerGrid:Delivery:MaxAttempts"] = MaxAttempts.ToString();
        Grid = await TimerGridTestHost.StartAsync(options);
        Http = Grid.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Grid.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TestHostCollection : ICollectionFixture<TestHostFixture>
{
    public const string Name = "test host";
}
