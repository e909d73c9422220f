namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>Registers <see cref="TimerGridClient"/> on an Orleans client (<c>UseOrleansClient(client => client.AddTimerGridClient())</c>).</summary>
public static class TimerGridClientOrleansClientExtensions
{
    /// <summary>Adds <see cref="TimerGridClient"/> as a singleton.</summary>
    public static IClientBuilder AddTimerGridClient(this IClientBuilder client)
    {
        client.Services.AddTimerGridClient();
        return client;
    }
}
