using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>A job's address: <c>db/collection/id</c>, each part a <see cref="KeyRules">valid key segment</see>.</summary>
[GenerateSerializer, Alias("tg.JobKey")]
public readonly record struct JobKey(
    [property: Id(0)] string Db,
    [property: Id(1)] string Collection,
    [property: Id(2)] string Id)
{
    /// <summary>The grain key string.</summary>
    public override string ToString() => $"{Db}/{Collection}/{Id}";

    /// <summary>Parses a grain key made by <see cref="ToString"/>.</summary>
    public static JobKey Parse(string grainKey)
    {
        var parts = grainKey.Split('/');
        if (parts.Length != 3)
        {
            throw new FormatException($"'{grainKey}' is not a job key (db/collection/id)");
        }
        return new JobKey(parts[0], parts[1], parts[2]);
    }
}
