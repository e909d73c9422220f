using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Jobs;

/// <summary>The <c>TimerGrid:Firing</c> section: how jobs wake up before they fire.</summary>
internal sealed class FiringOptions
{
    public const string Section = "TimerGrid:Firing";

    /// <summary>How long before its trigger time a job's reminder wakes it to arm the exact-millisecond timer.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WakeLead { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The reminder period: the safety net that re-wakes a job whose timer was lost. Orleans evicts a
    /// reminder whose period exceeds its loading window (10 min) during refreshes, so stay well below it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often each silo looks for jobs overdue by two sweeps: a job due within a minute holds no reminder, so
    /// when its silo dies or shuts down this sweep is what fires it elsewhere.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A recurring occurrence fired later than this after its time counts as missed, and its job's misfire policy applies.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far back misfire policy fire_all fires missed occurrences, unless the job sets its own window.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan DefaultCatchUpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest catch-up window a job may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxCatchUpWindow { get; set; } = TimeSpan.FromDays(1);
}
