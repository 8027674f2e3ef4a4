using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabCharts.Jobs.Hosting;

/// <summary>
/// A readiness check that asks one dependency whether it answers, within a few seconds; a fault
/// is "unhealthy" with its reason, never an exception. Each adapter supplies the question.
/// </summary>
public abstract class ProbeHealthCheck(string name) : IHealthCheck
{
    /// <summary>How long the dependency has to answer.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>True when the dependency answers and can serve.</summary>
    protected abstract Task<bool> ProbeAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await ProbeAsync(timeout.Token)
                ? HealthCheckResult.Healthy(name)
                : HealthCheckResult.Unhealthy($"{name} is not ready");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{name} is not reachable", error);
        }
    }
}
