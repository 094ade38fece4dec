using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BurdenShift.Web.Health;

/// <summary>Ready when the configured database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<BurdenShiftDbContext> dbFactory, BurdenShiftSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            _ = await db.Areas.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy(settings.DescribeTarget());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{settings.DescribeTarget()} is not reachable", ex);
        }
    }
}
