using System.Collections.Concurrent;
using LabCharts.Jobs.Batches;

namespace LabCharts.Processing;

/// <summary>
/// This worker process's counts per batch, written to its own progress object after every job
/// (before the job's delivery is acknowledged), so that no increment is ever lost and no other
/// process ever writes the same object. Also answers "is this batch cancelled?" from a cache
/// refreshed every second.
/// </summary>
public sealed class BatchProgressReporter(BatchStore batches, TimeProvider time)
{
    private readonly string _worker = $"w{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Counts> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset CheckedAt, bool Cancelled)> _cancelled = new(StringComparer.Ordinal);

    /// <summary>The outcome of one job of a batch.</summary>
    public enum Outcome
    {
        /// <summary>Re-rendered.</summary>
        Succeeded,

        /// <summary>The re-render failed.</summary>
        Failed,

        /// <summary>Not re-rendered: cancelled, gone, not finished, or already done.</summary>
        Skipped,
    }

    /// <summary>True when an admin cancelled the batch (known within a second).</summary>
    public async Task<bool> IsCancelledAsync(string batchId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cancelled.TryGetValue(batchId, out var known) && (known.Cancelled || now - known.CheckedAt < TimeSpan.FromSeconds(1)))
        {
            return known.Cancelled;
        }
        var cancelled = await batches.CancelledAtAsync(batchId, cancellationToken) is not null;
        _cancelled[batchId] = (now, cancelled);
        return cancelled;
    }

    /// <summary>Counts one job and writes this worker's progress for the batch.</summary>
    public async Task ReportAsync(string batchId, string jobId, Outcome outcome, string? errorCode, CancellationToken cancellationToken)
    {
        var counts = _counts.GetOrAdd(batchId, _ => new Counts());
        await counts.Gate.WaitAsync(cancellationToken);
        try
        {
            var progress = counts.Progress;
            counts.Progress = outcome switch
            {
                Outcome.Succeeded => progress with { Succeeded = progress.Succeeded + 1 },
                Outcome.Failed => progress with
                {
                    Failed = progress.Failed + 1,
                    Failures = progress.Failures.Count < BatchService.FailuresShown
                        ? [.. progress.Failures, new BatchFailure(jobId, errorCode ?? "processing_failed")]
                        : progress.Failures,
                },
                _ => progress with { Skipped = progress.Skipped + 1 },
            } with { UpdatedAt = time.GetUtcNow() };
            await batches.SaveProgressAsync(batchId, _worker, counts.Progress, cancellationToken);
        }
        finally
        {
            counts.Gate.Release();
        }
    }

    private sealed class Counts
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public BatchProgress Progress { get; set; } = new();
    }
}
