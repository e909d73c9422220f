using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// A name is unique in its collection, and storage is what says so: the listing index's unique name index refuses the
/// state write that would give this job a name another job holds, whichever call wrote it (0011_timergrid_job_listing.sql).
/// This filter answers that refusal with E025 and forgets the refused state, so the grain holds what storage holds.
/// </summary>
internal sealed partial class JobGrain : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception e) when (IsNameTaken(e))
        {
            await job.ReadStateAsync();   // the write changed nothing stored: the job is as it was
            throw new TimerGridException(ErrorCodes.NameTaken, $"another job of {_key.Db}/{_key.Collection} already has this name");
        }
    }

    private bool IsNameTaken(Exception error)
    {
        var dialect = ServiceProvider.GetRequiredService<IStorageDialect>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            // The name index is the only unique index a job's state write can break.
            if (e is DbException db && dialect.IsUniqueViolation(db))
            {
                return true;
            }
        }
        return false;
    }
}
