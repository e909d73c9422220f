using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a batch create did with one of its jobs: ok, or the error a single create of it would have answered.</summary>
/// <param name="Id">The job's id; null when the entry gave none (REST: not an object, or no <c>id</c>).</param>
/// <param name="Outcome">When ok: <see cref="CreateOutcome.Created"/>, or <see cref="CreateOutcome.AlreadyExists"/> for a repeat.</param>
/// <param name="Error">When not ok: the code, e.g. <see cref="ErrorCodes.JobExists"/> for another body under an existing id.</param>
/// <param name="Message">When not ok: what was wrong, for people.</param>
[GenerateSerializer, Alias("tg.JobCreateResult")]
public sealed record JobCreateResult(
    [property: Id(0)] string? Id,
    [property: Id(1)] CreateOutcome? Outcome,
    [property: Id(2)] TimerGridError? Error,
    [property: Id(3)] string? Message)
{
    /// <summary>True when the job exists with this body, durably.</summary>
    public bool IsOk => Error is null;

    /// <summary>An ok result.</summary>
    public static JobCreateResult Done(string id, CreateOutcome outcome) => new(id, outcome, null, null);

    /// <summary>A failed result.</summary>
    public static JobCreateResult Failed(string? id, TimerGridError error, string message) => new(id, null, error, message);
}
