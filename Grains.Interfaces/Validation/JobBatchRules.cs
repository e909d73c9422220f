using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>How many jobs one batch create may hold.</summary>
public static class JobBatchRules
{
    /// <summary>The most jobs in one batch.</summary>
    public const int MaxJobs = 1000;

    /// <summary>Throws <see cref="ErrorCodes.InvalidBatch"/> unless a batch holds 1 to <see cref="MaxJobs"/> jobs.</summary>
    public static void RequireCount(int count)
    {
        if (count is < 1 or > MaxJobs)
        {
            throw new TimerGridException(ErrorCodes.InvalidBatch, $"a batch holds 1 to {MaxJobs} jobs, not {count}");
        }
    }
}
