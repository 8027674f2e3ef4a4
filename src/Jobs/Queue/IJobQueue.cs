using LabCharts.Jobs.Messages;

namespace LabCharts.Jobs.Queue;

/// <summary>The publishing side of the queue port: returns once the message is safely enqueued.</summary>
public interface IJobQueue
{
    /// <summary>Enqueues a job message on its lane.</summary>
    ValueTask PublishAsync(JobMessage message, CancellationToken cancellationToken);
}
