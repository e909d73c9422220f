using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Delivery;

/// <summary>Stops start-up on a network list that is not CIDR, naming the key: a typo must not open or close delivery silently.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, list) in new[] { (nameof(options.DeniedNetworks), options.DeniedNetworks), (nameof(options.AllowedNetworks), options.AllowedNetworks) })
        {
            DestinationPolicy.Parse(list, out var invalid);
            if (invalid is not null)
            {
                failures.Add($"{DeliveryOptions.Section}:{key}: '{invalid}' is not a CIDR network (like 10.0.0.0/8 or fd00::/8, no host bits after the prefix)");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
