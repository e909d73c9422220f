namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a create request did.</summary>
[GenerateSerializer, Alias("tg.CreateOutcome")]
public enum CreateOutcome
{
    /// <summary>The item did not exist and now does.</summary>
    Created,
    /// <summary>The item already existed with the very same spec: a client retry, nothing changed.</summary>
    AlreadyExists,
    /// <summary>The item exists with a different spec; nothing changed.</summary>
    Conflict,
}
