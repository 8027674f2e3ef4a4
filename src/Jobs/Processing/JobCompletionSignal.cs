using System.Collections.Concurrent;

namespace LabCharts.Jobs.Processing;

/// <summary>
/// Wakes an API request waiting (<c>?wait=N</c>) for a job that a worker in the same process has
/// just finished. Across processes nothing is signalled and the waiter's polling finds the record.
/// </summary>
public sealed class JobCompletionSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <summary>A task that completes when <see cref="Notify"/> is called for the job.</summary>
    public Task WhenCompleted(string jobId) =>
        _waiters.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Marks a job final; wakes its waiters.</summary>
    public void Notify(string jobId)
    {
        if (_waiters.TryRemove(jobId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    /// <summary>Drops a waiter that gave up.</summary>
    public void Forget(string jobId) => _waiters.TryRemove(jobId, out _);
}
