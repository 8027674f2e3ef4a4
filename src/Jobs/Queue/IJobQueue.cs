using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Views;

namespace LabCharts.Jobs.Queue;

/// <summary>The publishing side of the queue port: returns once the message is safely enqueued.</summary>
public interface IJobQueue
{
    /// <summary>Enqueues a job message on its lane.</summary>
    ValueTask PublishAsync(JobMessage message, CancellationToken cancellationToken);
}
