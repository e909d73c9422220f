namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>A route's address: <c>db/id</c>.</summary>
[GenerateSerializer, Alias("tg.RouteKey")]
public readonly record struct RouteKey(
    [property: Id(0)] string Db,
    [property: Id(1)] string Id)
{
    /// <summary>The grain key string.</summary>
    public override string ToString() => $"{Db}/{Id}";

    /// <summary>Parses a grain key made by <see cref="ToString"/>.</summary>
    public static RouteKey Parse(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        if (slash <= 0 || grainKey.IndexOf('/', slash + 1) >= 0)
        {
            throw new FormatException($"'{grainKey}' is not a route key (db/id)");
        }
        return new RouteKey(grainKey[..slash], grainKey[(slash + 1)..]);
    }
}
