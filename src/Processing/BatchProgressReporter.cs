using System.Collections.Concurrent;
using LabCharts.Jobs.Batches;

namespace LabCharts.Processing;

/// <summary>
/// Records each batch job's outcome before its delivery is acknowledged: a done marker per job (the
/// batch's exact counts) and this worker process's own progress object (times, first failures),
/// which no other process ever writes. Also answers "is this batch cancelled?" from a cache
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

    /// <summary>
    /// Records one job's outcome: its done marker (idempotent: the batch's counts are the markers), then
    /// this worker's progress object (times and failures). A job found already done by this batch —
    /// published twice, or redelivered after a crash — rewrites its marker and counts nothing more.
    /// </summary>
    public async Task ReportAsync(string batchId, string jobId, Outcome outcome, string? errorCode, CancellationToken cancellationToken,
        bool alreadyCounted = false)
    {
        await batches.MarkDoneAsync(batchId, jobId, Name(outcome), outcome == Outcome.Failed ? errorCode ?? "processing_failed" : null,
            cancellationToken);
        if (alreadyCounted)
        {
            return;
        }
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

    private static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Succeeded => "succeeded",
        Outcome.Failed => "failed",
        _ => "skipped",
    };

    private sealed class Counts
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public BatchProgress Progress { get; set; } = new();
    }
}
