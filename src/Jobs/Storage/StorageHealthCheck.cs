using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabCharts.Jobs.Storage;

/// <summary>Readiness: the object store answers.</summary>
public sealed class StorageHealthCheck(IObjectStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await store.IsReachableAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("storage is not reachable");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("storage is not reachable", error);
        }
    }
}
