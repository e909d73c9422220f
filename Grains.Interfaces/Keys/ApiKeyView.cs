namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>A stored API key without its material. Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.ApiKeyView")]
public sealed record ApiKeyView
{
    /// <summary>16 lowercase hex characters; also the key's second segment.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>One db, or <see cref="ApiKeySpec.AllDbs"/>.</summary>
    [Id(1)] public required string Db { get; init; }
    /// <summary>What it may do.</summary>
    [Id(2)] public ApiKeyRole Role { get; init; }
    /// <summary>For people, if given.</summary>
    [Id(3)] public string? Name { get; init; }
    /// <summary>When it was created.</summary>
    [Id(4)] public long CreatedTime { get; init; }
    /// <summary>When it was revoked; null while it is valid.</summary>
    [Id(5)] public long? RevokedTime { get; init; }

    /// <summary>How audit entries name the key's caller: its name and id, or its id.</summary>
    public string Caller => Name is null ? Id : $"{Name} ({Id})";
}
