using LabCharts.Jobs.Queue.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LabCharts.Jobs.Health;

/// <summary>Readiness: the broker connection is open (always true for the in-process queue).</summary>
public sealed class QueueHealthCheck(IServiceProvider services) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<RabbitMqConnection>() is not { } rabbit)
        {
            return HealthCheckResult.Healthy("in-process queue");
        }
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
