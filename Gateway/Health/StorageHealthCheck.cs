using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TimerGrid.Gateway.Health;

/// <summary>Ready when the database answers a trivial query. Processes without storage access have nothing to check.</summary>
internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<DbDataSource>() is not { } storage)
        {
            return HealthCheckResult.Healthy("no storage to check from this process");
        }
        try
        {
            await using var command = storage.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DbException e)
        {
            return HealthCheckResult.Unhealthy("storage did not answer", e);
        }
    }
}
