using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TimerGrid.Testing.Hosting;

/// <summary>
/// Which parts of the node run on the test clock: TimerGrid's own code (every service takes the unkeyed
/// <see cref="TimeProvider"/>), the webhook attempt timeout (Polly reads the same one) and grain timers (Orleans' area
/// <see cref="TimeProviderNames.Grains"/>), which arm each job's exact firing. Orleans' machinery (messaging, membership,
/// activation collection, reminders and whatever area it adds) keeps real time: a jump of 30 days must not make the
/// silo think it missed its own heartbeats.
/// </summary>
internal static class TestClockRegistrations
{
    public static IServiceCollection UseTestClock(this IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();   // the unkeyed default and Orleans' catch-all for every area alike
        services.AddSingleton(clock);
        services.AddKeyedSingleton(KeyedService.AnyKey, TimeProvider.System);
        services.AddKeyedSingleton(TimeProviderNames.Grains, clock);
        return services;
    }
}
