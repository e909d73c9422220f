using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>What makes a <see cref="RouteSpec"/> acceptable. Checked by the gateway and again by the grain.</summary>
public static class RouteSpecRules
{
    /// <summary>Longest accepted webhook URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Longest accepted grain interface type.</summary>
    public const int MaxGrainInterfaceLength = 256;

    /// <summary>Highest accepted max_dispatches_per_second.</summary>
    public const double MaxDispatchRate = 100_000;

    /// <summary>Highest accepted max_concurrent_dispatches and circuit_breaker_threshold.</summary>
    public const int MaxLimitCount = 10_000;

    /// <summary>Throws a <see cref="TimerGridException"/> for the first broken rule.</summary>
    public static void Validate(RouteKey key, RouteSpec spec)
    {
        KeyRules.Require(key.Db, "db");
        KeyRules.Require(key.Id, "id");
        switch (spec.Type)
        {
            case RouteType.Rest:
                ValidateWebhook(spec);
                break;
            case RouteType.Grain:
                ValidateGrain(spec);
                break;
            case RouteType.Queue:
                ValidateSecret(spec);
                break;
            default:
                throw new TimerGridException(ErrorCodes.InvalidRouteType, "type must be \"REST\", \"GRAIN\" or \"QUEUE\"");
        }
        ValidateLimits(spec);
    }

    /// <summary>
    /// Accepts absolute http(s) URLs, and, as the seed's own example does, a URL without a scheme,
    /// which means https. Returns the absolute form.
    /// </summary>
    public static bool TryNormalizeUrl(string? url, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || url.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var candidate = url.Contains("://", StringComparison.Ordinal) ? url : "https://" + url;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }
        normalized = candidate;
        return true;
    }

    private static void ValidateWebhook(RouteSpec spec)
    {
        if (!TryNormalizeUrl(spec.WebhookUrl, out _))
        {
            throw new TimerGridException(ErrorCodes.InvalidWebhookUrl,
                "webhook_url must be an absolute http(s) URL (a URL without a scheme means https)");
        }
        ValidateSecret(spec);
    }

    private static void ValidateSecret(RouteSpec spec)
    {
        if (spec.Secret is { } secret && (secret.Length is < 16 or > 256 || !secret.All(c => c is > ' ' and < (char)127)))
        {
            throw new TimerGridException(ErrorCodes.InvalidSecret, "secret must be 16-256 printable ASCII characters");
        }
    }

    private static void ValidateGrain(RouteSpec spec)
    {
        if (spec.GrainInterface is not { Length: > 0 and <= MaxGrainInterfaceLength } grainInterface
            || grainInterface.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new TimerGridException(ErrorCodes.InvalidGrainInterface,
                $"grain_interface must be 1-{MaxGrainInterfaceLength} characters without spaces: the [Alias] of a grain interface that extends ITimerCallback");
        }
        GrainKeyTemplate.Require(spec.GrainKey);
    }

    /// <summary>A QUEUE route's workers pull at their own pace: its firings only enqueue, so limits have nothing to hold back.</summary>
    private static void ValidateLimits(RouteSpec spec)
    {
        var queue = spec.Type == RouteType.Queue;
        if (spec.MaxDispatchesPerSecond is { } rate && (queue || !double.IsFinite(rate) || rate <= 0 || rate > MaxDispatchRate))
        {
            throw new TimerGridException(ErrorCodes.InvalidDispatchRate, queue
                ? "max_dispatches_per_second applies to REST and GRAIN routes, not QUEUE"
                : $"max_dispatches_per_second must be a number greater than 0 (fractions such as 0.5 are valid) and at most {MaxDispatchRate}");
        }
        RequireCount(spec.MaxConcurrentDispatches, queue, "max_concurrent_dispatches", ErrorCodes.InvalidConcurrencyLimit);
        RequireCount(spec.CircuitBreakerThreshold, queue, "circuit_breaker_threshold", ErrorCodes.InvalidCircuitThreshold);
    }

    private static void RequireCount(int? value, bool queue, string name, TimerGridError error)
    {
        if (value is { } count && (queue || count is < 1 or > MaxLimitCount))
        {
            throw new TimerGridException(error, queue
                ? $"{name} applies to REST and GRAIN routes, not QUEUE"
                : $"{name} must be a whole number from 1 to {MaxLimitCount}");
        }
    }
}
