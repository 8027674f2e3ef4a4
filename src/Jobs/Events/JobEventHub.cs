using System.Collections.Immutable;
using LabCharts.Jobs.Messages;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Events;

/// <summary>
/// This process's subscribers, and the fan-out to them. Both event adapters deliver through it: the
/// in-process one directly, the RabbitMQ one from its private queue.
/// </summary>
public sealed class JobEventHub(ILogger<JobEventHub> logger)
{
    private ImmutableArray<Action<JobEvent>> _observers = [];

    /// <summary>Adds an observer; dispose the result to remove it.</summary>
    public IDisposable Subscribe(Action<JobEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ImmutableInterlocked.Update(ref _observers, list => list.Add(observer));
        return new Subscription(this, observer);
    }

    /// <summary>Hands an event to every observer; one observer's fault never reaches the others.</summary>
    public void Dispatch(JobEvent jobEvent)
    {
        ArgumentNullException.ThrowIfNull(jobEvent);
        logger.LogDebug("Job event {JobId} {Kind} ({Status})", jobEvent.JobId, jobEvent.Kind, jobEvent.Status);
        foreach (var observer in _observers)
        {
            try
            {
                observer(jobEvent);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "A job-event observer failed on {JobId} {Kind}", jobEvent.JobId, jobEvent.Kind);
            }
        }
    }

    private sealed class Subscription(JobEventHub hub, Action<JobEvent> observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref hub._observers, list => list.Remove(observer));
            }
        }
    }
}
