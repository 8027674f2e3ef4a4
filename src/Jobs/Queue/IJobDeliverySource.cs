namespace LabCharts.Jobs.Queue;

/// <summary>The consuming side of the queue port: deliveries, interactive before batch.</summary>
public interface IJobDeliverySource
{
    /// <summary>
    /// Deliveries until cancelled; each must be acknowledged or retried. At most
    /// <paramref name="maxUnsettled"/> deliveries are handed out and not yet settled (the broker's prefetch).
    /// </summary>
    IAsyncEnumerable<JobDelivery> ReadAllAsync(int maxUnsettled, CancellationToken cancellationToken);
}
