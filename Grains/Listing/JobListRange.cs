using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Grains.Listing;

/// <summary>
/// Where a job listing's page lies in the (next fire time, id) order: after the keyset (<see cref="AfterTime"/>,
/// <see cref="AfterId"/>), next fire time at most <see cref="Until"/>. One lower bound, so that storage seeks to it.
/// </summary>
internal readonly record struct JobListRange(long From, long Until, long AfterTime, string AfterId)
{
    /// <summary>Jobs with no next fire time sort at long.MaxValue: a time filter leaves them out.</summary>
    private const long NoFireTime = long.MaxValue;

    /// <param name="cursor">The position the query's cursor names, if it has one.</param>
    public static JobListRange Of(JobListQuery query, (long Time, string Id)? cursor)
    {
        var from = query.From ?? long.MinValue;
        var until = query.From is null && query.To is null ? NoFireTime : Math.Min(Math.Max(query.To ?? NoFireTime, long.MinValue + 1) - 1, NoFireTime - 1);
        // (time, id) > (from, "") is time >= from: an id is never empty.
        var after = (Time: from, Id: "");
        if (cursor is { } c && (c.Time > after.Time || (c.Time == after.Time && string.CompareOrdinal(c.Id, after.Id) > 0)))
        {
            after = c;
        }
        return new JobListRange(from, until, after.Time, after.Id);
    }
}
