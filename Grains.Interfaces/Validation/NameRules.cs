using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>The rule for names people give jobs and API keys.</summary>
public static class NameRules
{
    /// <summary>Longest accepted name.</summary>
    public const int MaxLength = 200;

    /// <summary>Throws <see cref="ErrorCodes.InvalidName"/> unless the name is absent or 1–200 characters without control characters.</summary>
    public static void Require(string? name)
    {
        if (name is not null && (name.Length is 0 or > MaxLength || name.Any(char.IsControl)))
        {
            throw new TimerGridException(ErrorCodes.InvalidName, $"name must be 1-{MaxLength} characters without control characters");
        }
    }
}
