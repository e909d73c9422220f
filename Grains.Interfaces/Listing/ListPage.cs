namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>One page of a listing.</summary>
/// <param name="Count">How many entries match, on every page together.</param>
/// <param name="Items">This page's entries, in the listing's order.</param>
/// <param name="NextCursor">Asks for the entries after this page; null when none follow.</param>
[GenerateSerializer, Alias("tg.ListPage`1")]
public sealed record ListPage<T>(
    [property: Id(0)] long Count,
    [property: Id(1)] IReadOnlyList<T> Items,
    [property: Id(2)] string? NextCursor);
