using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;

namespace LabCharts.Jobs.Queue;

/// <summary>One delivery of a job message, settled exactly once.</summary>
public abstract class JobDelivery(JobMessage message, int deliveryCount)
{
    /// <summary>The message.</summary>
    public JobMessage Message { get; } = message;

    /// <summary>1 on first delivery, more on redelivery.</summary>
    public int DeliveryCount { get; } = deliveryCount;

    /// <summary>Done: the result is durably stored.</summary>
    public abstract ValueTask AckAsync(CancellationToken cancellationToken);

    /// <summary>Failed for a reason that may pass: deliver again later.</summary>
    public abstract ValueTask RetryAsync(CancellationToken cancellationToken);
}
