namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>
/// A page of a listing: by number (<see cref="Page"/>, from 1) or, for deep paging that stays stable while entries come
/// and go, after the <see cref="Cursor"/> the previous page returned. Not both.
/// </summary>
[GenerateSerializer, Alias("tg.PageRequest")]
public sealed record PageRequest
{
    /// <summary>Entries on a page unless asked otherwise.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>Most entries on one page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>The page number, from 1; null is page 1 (or the cursor's page).</summary>
    [Id(0)] public int? Page { get; init; }
    /// <summary>Entries on the page, 1 to <see cref="MaxPageSize"/>.</summary>
    [Id(1)] public int PageSize { get; init; } = DefaultPageSize;
    /// <summary>The next cursor of the previous page; null to page by number.</summary>
    [Id(2)] public string? Cursor { get; init; }

    /// <summary>Entries before this page, when paging by number.</summary>
    public long Offset => ((long)(Page ?? 1) - 1) * PageSize;
}
