using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TimerGrid.Gateway.Errors;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// A token bucket per API key, all refilled by one timer a second, started by the first keyed request. Not ASP.NET
/// Core's rate-limiting middleware: its partitioned limiters (the global one and the endpoint one) each tick every
/// 100 ms for the life of the process, two thirds of an idle node's timer wake-ups.
/// </summary>
internal sealed class KeyRateLimits(IOptions<AuthOptions> auth, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new();
    private readonly Lock _lock = new();
    private ITimer? _refill;

    /// <summary>Takes one request's permit from the key's bucket; answers 429 E034 with <c>Retry-After</c> and returns false when it is empty.</summary>
    public async ValueTask<bool> TryPassAsync(HttpContext context, ApiKeyView key)
    {
        using var lease = _buckets.GetOrAdd(key.Id, NewBucket).AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiError.WriteKeepingStatusAsync(context, ErrorCodes.RateLimited, $"API key {key.Id} is over its rate limit; retry after {seconds} s");
        return false;
    }

    public void Dispose()
    {
        _refill?.Dispose();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Dispose();
        }
    }

    private TokenBucketRateLimiter NewBucket(string keyId)
    {
        lock (_lock)
        {
            _refill ??= clock.CreateTimer(_ => Refill(), null, Period, Period);
        }
        var options = auth.Value.RateLimit;
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst ?? options.PermitsPerSecond,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = Period,
            QueueLimit = 0,
            AutoReplenishment = false,
        });
    }

    private void Refill()
    {
        foreach (var bucket in _buckets.Values)
        {
            bucket.TryReplenish();
        }
    }
}
