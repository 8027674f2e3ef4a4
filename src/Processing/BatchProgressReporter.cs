using System.Collections.Concurrent;
using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Telemetry;
using Microsoft.Extensions.Logging;

namespace LabCharts.Processing;

/// <summary>
/// Records each batch job's outcome before its delivery is acknowledged: a done marker per job (written
/// at once: the batch's exact counts) and, at most once per <see cref="FlushInterval"/>, this worker
/// process's own progress object (running counts, times, first failures), which no other process ever
/// writes. The batch view sums the progress objects while the batch runs and counts the markers once
/// at the end. Also answers "is this batch cancelled?" from a cache refreshed every second.
/// </summary>
public sealed class BatchProgressReporter(BatchStore batches, TimeProvider time, ILogger<BatchProgressReporter> logger) : IAsyncDisposable
{
    /// <summary>How often, at most, a worker writes its progress object for one batch.</summary>
    public static TimeSpan FlushInterval { get; } = TimeSpan.FromSeconds(1);

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
    /// Records one job's outcome: its done marker (idempotent: the batch's exact counts are the markers),
    /// then this worker's running counts, written within <see cref="FlushInterval"/>. A job found already
    /// done by this batch — published twice, or redelivered after a crash — rewrites its marker and
    /// counts nothing more (a count lost in a crash is made good when the batch is settled from the markers).
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
        LabChartsTelemetry.BatchJobs.Add(1, new KeyValuePair<string, object?>("outcome", Name(outcome)));
        var counts = _counts.GetOrAdd(batchId, _ => new Counts());
        bool writeNow;
        lock (counts)
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
            counts.Dirty = true;
            // The first count of a batch is written at once (the view sees the batch move); after that
            // one write per interval, by a flush scheduled for the end of it.
            writeNow = counts.Written is null;
            if (!writeNow && !counts.FlushScheduled)
            {
                counts.FlushScheduled = true;
                _ = FlushLaterAsync(batchId, counts, counts.Written!.Value + FlushInterval - time.GetUtcNow());
            }
        }
        if (writeNow)
        {
            await FlushAsync(batchId, counts, cancellationToken);
        }
    }

    private async Task FlushLaterAsync(string batchId, Counts counts, TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time);
            }
            lock (counts)
            {
                counts.FlushScheduled = false;
            }
            await FlushAsync(batchId, counts, CancellationToken.None);
        }
        catch (Exception error)
        {
            // The counts stay dirty: the next job's report schedules another flush, and the batch's
            // final counts come from the done markers whatever happens here.
            logger.LogWarning(error, "Batch {BatchId}: progress not written; trying again with the next job", batchId);
        }
    }

    private async Task FlushAsync(string batchId, Counts counts, CancellationToken cancellationToken)
    {
        await counts.Gate.WaitAsync(cancellationToken);
        try
        {
            BatchProgress snapshot;
            lock (counts)
            {
                if (!counts.Dirty)
                {
                    return;
                }
                snapshot = counts.Progress;
                counts.Dirty = false;
                counts.Written = time.GetUtcNow();
            }
            try
            {
                await batches.SaveProgressAsync(batchId, _worker, snapshot, cancellationToken);
            }
            catch
            {
                lock (counts)
                {
                    counts.Dirty = true;
                }
                throw;
            }
        }
        finally
        {
            counts.Gate.Release();
        }
    }

    /// <summary>Writes every batch's unwritten counts (on a worker's orderly shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var (batchId, counts) in _counts)
        {
            try
            {
                await FlushAsync(batchId, counts, CancellationToken.None);
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "Batch {BatchId}: last progress not written on shutdown", batchId);
            }
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

        public bool Dirty { get; set; }

        public bool FlushScheduled { get; set; }

        public DateTimeOffset? Written { get; set; }
    }
}
