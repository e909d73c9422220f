namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>The body of a webhook delivery.</summary>
[GenerateSerializer, Alias("tg.PayloadStyle")]
public enum PayloadStyle
{
    /// <summary>The job's meta, verbatim; the job's identity travels in headers.</summary>
    Meta,
    /// <summary>A JSON envelope: id, db, collection, trigger_time, meta, route, attempt.</summary>
    Envelope,
}
