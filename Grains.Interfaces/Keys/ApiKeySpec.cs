using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>A key to create: its scope (<see cref="Db"/>), its role and an optional name for people.</summary>
/// <param name="Db">One db, or <see cref="ApiKeySpec.AllDbs"/>.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Name">For people and the audit log.</param>
[GenerateSerializer, Alias("tg.ApiKeySpec")]
public sealed record ApiKeySpec([property: Id(0)] string Db, [property: Id(1)] ApiKeyRole Role, [property: Id(2)] string? Name)
{
    /// <summary>The scope of a key valid for every db.</summary>
    public const string AllDbs = KeyRules.AllDbs;

    /// <summary>Throws a <see cref="Errors.TimerGridException"/> for the first broken rule.</summary>
    public void Validate()
    {
        KeyRules.RequireDbOrAll(Db);
        NameRules.Require(Name);
    }

    /// <summary>True when a key of this scope may act on <paramref name="db"/> (<see cref="AllDbs"/> asks for all of them).</summary>
    public static bool Covers(string scope, string db) => scope == AllDbs || scope == db;
}
