using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Queue;

/// <summary>The seed's <c>X-Accepted-*</c> request headers, each a whole number of seconds (priority: a level) in its documented range.</summary>
internal static class QueueHeaders
{
    public const string Priority = "X-Accepted-Priority";
    public const string ResultTtl = "X-Accepted-Result-TTL";
    public const string CallbackUrl = "X-Accepted-Callback-URL";
    public const string JobTimeout = "X-Accepted-Job-Timeout";
    public const string Delay = "X-Accepted-Delay";
    public const string WaitResult = "X-Accepted-Wait-Result";
    public const string BlockFor = "X-Accepted-Block-For";
    public const string Timeout = "X-Accepted-Timeout";
    /// <summary>TimerGrid's extension: the queues a take draws from (repeatable, or comma-separated).</summary>
    public const string Queue = "X-Accepted-Queue";
    /// <summary>TimerGrid's extension: the db whose queues a take draws from, and whose job a GET, PUT or DELETE means (or <c>?db=</c>); absent, db <c>default</c>.</summary>
    public const string Db = "X-Accepted-Db";

    /// <summary>The options of an enqueue, and its delay in seconds.</summary>
    public static (QueueItemOptions Options, long DelaySeconds) ForEnqueue(HttpRequest request)
    {
        var options = new QueueItemOptions(
            (int)(Number(request, Priority, QueueLimits.MinPriority, QueueLimits.MaxPriority) ?? QueueLimits.DefaultPriority),
            Number(request, ResultTtl, 0, QueueLimits.MaxSeconds),
            Callback(request),
            Number(request, JobTimeout, 1, QueueLimits.MaxSeconds));
        return (options, Number(request, Delay, 0, QueueLimits.MaxSeconds) ?? 0);
    }

    /// <summary>A take's visibility timeout; null for the configured default.</summary>
    public static TimeSpan? Visibility(HttpRequest request) =>
        Number(request, Timeout, 1, QueueLimits.MaxSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>How long to wait (<see cref="BlockFor"/> or <see cref="WaitResult"/>); zero when absent.</summary>
    public static TimeSpan Wait(HttpRequest request, string header) =>
        TimeSpan.FromSeconds(Number(request, header, 0, QueueLimits.MaxWaitSeconds) ?? 0);

    /// <summary>The queues a take names in <see cref="Queue"/> headers and <c>?queue=</c>; empty for every queue of the db.</summary>
    public static string[] Queues(HttpRequest request)
    {
        var names = request.Headers[Queue].Concat(request.Query["queue"])
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var name in names)
        {
            QueueJobRequest.RequireQueueName(name);
        }
        return names;
    }

    /// <summary>The db a request names, as sent (the key check reads it before the endpoint validates it); <c>default</c> when it names none.</summary>
    public static string DbNamed(HttpRequest request) => DbsNamed(request).FirstOrDefault() ?? QueueCollection.Db;

    /// <summary>The db a request acts on: one valid db name, or <c>default</c>.</summary>
    public static string RequestDb(HttpRequest request)
    {
        var db = DbNamed(request);
        return DbsNamed(request).Length <= 1 && KeyRules.IsValid(db)
            ? db
            : throw new TimerGridException(ErrorCodes.InvalidQueueHeader, $"{Db} (or ?db=) must name one db: 1-128 characters of [A-Za-z0-9._~-], not . or ..");
    }

    private static string[] DbsNamed(HttpRequest request) =>
        [.. request.Headers[Db].Concat(request.Query["db"]).Select(value => value ?? "").Distinct(StringComparer.Ordinal)];

    private static long? Number(HttpRequest request, string header, long min, long max)
    {
        if (!request.Headers.TryGetValue(header, out var values))
        {
            return null;
        }
        return values.Count == 1 && long.TryParse(values[0], System.Globalization.NumberStyles.None, null, out var number) && number >= min && number <= max
            ? number
            : throw new TimerGridException(ErrorCodes.InvalidQueueHeader, $"{header} must be one whole number from {min} to {max}");
    }

    private static string? Callback(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(CallbackUrl, out var values))
        {
            return null;
        }
        return values.Count == 1 && values[0]!.Contains("://", StringComparison.Ordinal) && RouteSpecRules.TryNormalizeUrl(values[0], out var url)
            ? url
            : throw new TimerGridException(ErrorCodes.InvalidCallbackUrl, $"{CallbackUrl} must be an absolute http(s) URL");
    }
}
