using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>What makes a <see cref="RouteSpec"/> acceptable. Checked by the gateway and again by the grain.</summary>
public static class RouteSpecRules
{
    /// <summary>Longest accepted webhook URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Throws a <see cref="TimerGridException"/> for the first broken rule.</summary>
    public static void Validate(RouteKey key, RouteSpec spec)
    {
        KeyRules.Require(key.Db, "db");
        KeyRules.Require(key.Id, "id");
        if (spec.Type == RouteType.Rest && !TryNormalizeUrl(spec.WebhookUrl, out _))
        {
            throw new TimerGridException(ErrorCodes.InvalidWebhookUrl,
                "webhook_url must be an absolute http(s) URL (a URL without a scheme means https)");
        }
        if (spec.Secret is { } secret && (secret.Length is < 16 or > 256 || !secret.All(c => c is > ' ' and < (char)127)))
        {
            throw new TimerGridException(ErrorCodes.InvalidSecret, "secret must be 16-256 printable ASCII characters");
        }
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
}
