using LabCharts.Jobs.Messages;

namespace LabCharts.Jobs.Events;

/// <summary>The embedded job events: publishing is dispatching to this process's subscribers.</summary>
public sealed class InProcessJobEvents(JobEventHub hub) : IJobEvents
{
    /// <inheritdoc />
    public ValueTask PublishAsync(JobEvent jobEvent, CancellationToken cancellationToken)
    {
        hub.Dispatch(jobEvent);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<JobEvent> observer) => hub.Subscribe(observer);
}
