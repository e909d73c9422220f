using System.Globalization;
using TimerGrid.Gateway.Native.Paging;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>
/// The query string of <c>GET /job/{db}/{collection}</c>: <c>status</c>, <c>route</c>, <c>name</c>, <c>enabled</c>,
/// <c>from</c>/<c>to</c> on the next fire time (epoch ms), and the paging. Read here; the listing grain checks the rules.
/// </summary>
internal static class JobListRequest
{
    public static JobListQuery Parse(string db, string collection, HttpRequest request) => new()
    {
        Db = db,
        Collection = collection,
        Status = PagingQuery.Text(request, "status") switch
        {
            null => null,
            var text => Enum.GetValues<JobStatus>().Cast<JobStatus?>().FirstOrDefault(s => Name(s!.Value) == text)
                ?? throw new TimerGridException(ErrorCodes.InvalidFilter, $"status must be scheduled, delivered, failed or completed, not '{text}'"),
        },
        Route = PagingQuery.Text(request, "route"),
        Name = PagingQuery.Text(request, "name"),
        Enabled = PagingQuery.Flag(request, "enabled"),
        From = Time(request, "from"),
        To = Time(request, "to"),
        Paging = PagingQuery.Parse(request),
    };

    /// <summary>A status as JobResponse spells it.</summary>
    private static string Name(JobStatus status) => status.ToString().ToLowerInvariant();

    private static long? Time(HttpRequest request, string name) => PagingQuery.Text(request, name) switch
    {
        null => null,
        var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new TimerGridException(ErrorCodes.InvalidTimeRange, $"{name} must be epoch milliseconds, not '{text}'"),
    };
}
