using Microsoft.Extensions.DependencyInjection;

namespace TimerGrid.Grains.Hosting;

internal static class FreshStateServiceCollectionExtensions
{
    /// <summary>Wraps the grain storage (named <see cref="StorageNames.Default"/>, registered last) in <see cref="FreshStateGrainStorage"/>.</summary>
    public static IServiceCollection AnswerFreshStateReads(this IServiceCollection services)
    {
        services.AddSingleton<FreshStates>();
        return services.ReplaceDefaultGrainStorage((sp, inner) => new FreshStateGrainStorage(inner(), sp.GetRequiredService<FreshStates>()));
    }
}
