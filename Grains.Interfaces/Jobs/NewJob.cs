namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>One job of a batch create: its id in the collection and what to schedule.</summary>
/// <param name="Id">The job's id, a <see cref="Validation.KeyRules">valid key segment</see>.</param>
/// <param name="Spec">The job, as a single create takes it.</param>
[GenerateSerializer, Alias("tg.NewJob")]
public sealed record NewJob([property: Id(0)] string Id, [property: Id(1)] JobSpec Spec);
