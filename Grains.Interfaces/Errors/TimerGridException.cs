namespace TimerGrid.Grains.Interfaces.Errors;

/// <summary>A broken rule, reported to the client with its <see cref="TimerGridError"/>.</summary>
[GenerateSerializer, Alias("tg.TimerGridException")]
public sealed class TimerGridException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TimerGridException(TimerGridError error, string message) : base(message) => Error = error;

    /// <summary>The code and status to answer with.</summary>
    [Id(0)] public TimerGridError Error { get; }
}
