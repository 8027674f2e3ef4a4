using System.Collections.Concurrent;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs.Submission;

/// <summary>
/// Wakes an API request waiting (<c>?wait=N</c>) for a job: one subscriber of the job-events port,
/// so a worker in this process or (with RabbitMQ) in any other wakes it as soon as the job is final.
/// The waiter still reads the record — the truth — and polls it in case an event is lost.
/// </summary>
public sealed class JobCompletionSignal(IJobEvents events) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);
    private IDisposable? _subscription;

    /// <summary>A task that completes when the job's final event arrives.</summary>
    public Task WhenCompleted(string jobId) =>
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Drops a waiter that gave up.</summary>
    public void Forget(string jobId) => _waiters.TryRemove(jobId, out _);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= events.Subscribe(OnEvent);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
    }

    private void OnEvent(JobEvent jobEvent)
    {
        if (jobEvent.IsFinal && _waiters.TryRemove(jobEvent.JobId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
