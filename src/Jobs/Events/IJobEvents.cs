using LabCharts.Jobs.Messages;

namespace LabCharts.Jobs.Events;

/// <summary>
/// The job-events port: every status transition is published here once it is durably stored, and
/// every subscriber in this process sees the events of every process (in-process: this process;
/// RabbitMQ: the <c>labcharts.events</c> topic exchange, one private queue per subscribing process).
/// Delivery is best effort — an event can be lost when a broker or process fails — so a subscriber
/// that must be right also reads the record (as <c>?wait</c> does).
/// </summary>
public interface IJobEvents
{
    /// <summary>Announces a transition. Never throws for a broker fault: events must not fail a job.</summary>
    ValueTask PublishAsync(JobEvent jobEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="observer"/> for every event from now until the subscription is disposed.
    /// The observer runs on the delivering thread: it must be quick and must not throw.
    /// </summary>
    IDisposable Subscribe(Action<JobEvent> observer);
}
