using System.Text.RegularExpressions;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>
/// The key a GRAIN route calls: literal text with the placeholders <c>{db}</c>, <c>{collection}</c> and <c>{id}</c>,
/// filled in from the fired job. <c>{id}</c> gives each job its own grain; a key without placeholders sends every
/// firing of the route to one grain.
/// </summary>
public static partial class GrainKeyTemplate
{
    /// <summary>Longest accepted template.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws <see cref="ErrorCodes.InvalidGrainKey"/> unless the template is 1–512 characters whose only braces are the three placeholders.</summary>
    public static void Require(string? template)
    {
        if (template is not { Length: > 0 and <= MaxLength } || Placeholders().Replace(template, "").IndexOfAny(['{', '}']) >= 0
            || template.Any(char.IsControl))
        {
            throw new TimerGridException(ErrorCodes.InvalidGrainKey,
                $"grain_key must be 1-{MaxLength} characters; its only placeholders are {{db}}, {{collection}} and {{id}}");
        }
    }

    /// <summary>The key of the grain that receives the firing of <paramref name="job"/>.</summary>
    public static string Format(string template, JobKey job) => Placeholders().Replace(template, match => match.Value switch
    {
        "{db}" => job.Db,
        "{collection}" => job.Collection,
        _ => job.Id,
    });

    [GeneratedRegex(@"\{(db|collection|id)\}")]
    private static partial Regex Placeholders();
}
