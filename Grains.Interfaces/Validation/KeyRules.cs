using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>The rule every db, collection, job id and route id follows.</summary>
public static class KeyRules
{
    /// <summary>Longest accepted segment.</summary>
    public const int MaxLength = 128;

    /// <summary>Stands for every db where one is expected: an API key's scope, audit entries of no one db.</summary>
    public const string AllDbs = "*";

    /// <summary>True for 1–128 chars of [A-Za-z0-9._~-], except "." and "..".</summary>
    public static bool IsValid(string? segment) =>
        segment is { Length: > 0 and <= MaxLength } and not "." and not ".." && segment.All(IsAllowed);

    /// <summary>Throws <see cref="ErrorCodes.InvalidKey"/> naming the field when the segment is invalid.</summary>
    public static void Require(string? segment, string field)
    {
        if (!IsValid(segment))
        {
            throw new TimerGridException(ErrorCodes.InvalidKey,
                $"{field} must be 1-{MaxLength} characters of [A-Za-z0-9._~-] and not '.' or '..'");
        }
    }

    /// <summary>Like <see cref="Require"/> for a db, but also accepts <see cref="AllDbs"/>.</summary>
    public static void RequireDbOrAll(string? db)
    {
        if (db != AllDbs)
        {
            Require(db, "db");
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '-';
}
