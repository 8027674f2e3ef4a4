using LabCharts.Jobs.Messages;

namespace LabCharts.Jobs.Queue;

/// <summary>The consuming side of the queue port: each lane's deliveries.</summary>
public interface IJobDeliverySource
{
    /// <summary>
    /// One lane's deliveries until cancelled; each must be acknowledged or retried. At most
    /// <paramref name="maxUnsettled"/> deliveries are handed out and not yet settled (the broker's
    /// prefetch). Each lane is read on its own, so a consumer can give students' jobs capacity that
    /// batch jobs never take.
    /// </summary>
    IAsyncEnumerable<JobDelivery> ReadAllAsync(JobLane lane, int maxUnsettled, CancellationToken cancellationToken);
}
