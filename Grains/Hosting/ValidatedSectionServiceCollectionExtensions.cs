using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Hosting;

/// <summary>How a feature's options section is read: bound, its data annotations checked when the host starts.</summary>
internal static class ValidatedSectionServiceCollectionExtensions
{
    public static OptionsBuilder<TOptions> AddValidatedSection<TOptions>(this IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
