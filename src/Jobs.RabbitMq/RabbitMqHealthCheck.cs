using LabCharts.Jobs.Queue;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>Readiness: the broker connection is open.</summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection rabbit) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var connection = await rabbit.GetAsync(timeout.Token);
            return connection.IsOpen ? HealthCheckResult.Healthy("RabbitMQ") : HealthCheckResult.Unhealthy("RabbitMQ connection is recovering");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("RabbitMQ is not reachable", error);
        }
    }
}
