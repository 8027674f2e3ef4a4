using LabCharts.Jobs.Hosting;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>Readiness: the broker connection is open (not recovering).</summary>
public sealed class RabbitMqHealthCheck(RabbitMqConnection rabbit) : ProbeHealthCheck("RabbitMQ")
{
    /// <inheritdoc />
    protected override async Task<bool> ProbeAsync(CancellationToken cancellationToken) =>
        (await rabbit.GetAsync(cancellationToken)).IsOpen;
}
