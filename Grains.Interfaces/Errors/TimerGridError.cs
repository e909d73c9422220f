namespace TimerGrid.Grains.Interfaces.Errors;

/// <summary>A stable error code and the HTTP status it maps to.</summary>
/// <param name="Code">The code robots match on, e.g. <c>E004</c>.</param>
/// <param name="Status">The HTTP status code.</param>
[GenerateSerializer, Alias("tg.TimerGridError")]
public sealed record TimerGridError([property: Id(0)] string Code, [property: Id(1)] int Status);
