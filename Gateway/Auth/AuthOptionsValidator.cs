using Microsoft.Extensions.Options;

namespace TimerGrid.Gateway.Auth;

/// <summary>A bad <c>TimerGrid:Auth</c> value stops start-up with a message naming the key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    /// <summary>A bootstrap key is an admin key for everything: no guessable ones.</summary>
    public const int MinBootstrapKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.BootstrapKey is { } key && (key.Length < MinBootstrapKeyLength || key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            failures.Add($"{AuthOptions.Section}:BootstrapKey must be at least {MinBootstrapKeyLength} characters without spaces (e.g. openssl rand -hex 32)");
        }
        if (options.RateLimit.PermitsPerSecond < 1)
        {
            failures.Add($"{AuthOptions.Section}:RateLimit:PermitsPerSecond must be at least 1");
        }
        if (options.RateLimit.Burst is < 1)
        {
            failures.Add($"{AuthOptions.Section}:RateLimit:Burst must be at least 1");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
