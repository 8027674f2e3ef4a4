namespace LabCharts.Jobs.Queue;

/// <summary>The consuming side of the queue port: deliveries, interactive before batch.</summary>
public interface IJobDeliverySource
{
    /// <summary>Deliveries until cancelled; each must be acknowledged, retried or rejected.</summary>
    IAsyncEnumerable<JobDelivery> ReadAllAsync(CancellationToken cancellationToken);
}
