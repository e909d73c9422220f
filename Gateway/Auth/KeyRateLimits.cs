using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using TimerGrid.Gateway.Errors;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Auth;

/// <summary>ASP.NET Core's rate limiter with a token bucket per API key; it sees only requests with a key (UseTimerGridAuth).</summary>
internal static class KeyRateLimits
{
    public static void Configure(RateLimiterOptions limiter, AuthOptions.RateLimitOptions options)
    {
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst ?? options.PermitsPerSecond,
            TokensPerPeriod = options.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(ApiKeyMiddleware.Caller(context)?.Id ?? "", _ => bucket));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = RejectAsync;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        rejected.HttpContext.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiError.WriteKeepingStatusAsync(rejected.HttpContext, ErrorCodes.RateLimited,
            $"API key {ApiKeyMiddleware.Caller(rejected.HttpContext)?.Id} is over its rate limit; retry after {seconds} s");
    }
}
