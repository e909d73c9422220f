using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>What makes a listing's query acceptable. Checked by the listing grain, for every client.</summary>
public static class ListingRules
{
    /// <summary>Throws a <see cref="TimerGridException"/> for the first broken rule of a job listing.</summary>
    public static void Validate(JobListQuery query)
    {
        KeyRules.Require(query.Db, "db");
        KeyRules.Require(query.Collection, "collection");
        if (query.Route is not null)
        {
            KeyRules.Require(query.Route, "route");
        }
        if (query.Name is not null)
        {
            NameRules.Require(query.Name);
        }
        if (query.Status is { } status && !Enum.IsDefined(status))
        {
            throw new TimerGridException(ErrorCodes.InvalidFilter, "status must be scheduled, delivered, failed or completed");
        }
        if (query.From >= query.To)
        {
            throw new TimerGridException(ErrorCodes.InvalidTimeRange, "from must be before to");
        }
        Validate(query.Paging);
    }

    /// <summary>Throws <see cref="ErrorCodes.InvalidPaging"/> unless the page size is 1–1000 and the page, if any, 1 or more without a cursor.</summary>
    public static void Validate(PageRequest paging)
    {
        if (paging.PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            throw new TimerGridException(ErrorCodes.InvalidPaging, $"pagesize must be from 1 to {PageRequest.MaxPageSize}");
        }
        if (paging.Page is < 1)
        {
            throw new TimerGridException(ErrorCodes.InvalidPaging, "page must be 1 or more");
        }
        if (paging.Page is not null && paging.Cursor is not null)
        {
            throw new TimerGridException(ErrorCodes.InvalidPaging, "give page or cursor, not both");
        }
    }
}
