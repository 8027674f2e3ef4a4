using System.Threading.RateLimiting;
using LabCharts.Analysis;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Batches;

/// <summary>
/// Admin batch re-renders: finding the matching jobs, publishing them to the batch queue at a
/// bounded rate, cancelling, and the batch's view summed from every worker's progress.
/// </summary>
public sealed class BatchService(
    IObjectStore store,
    JobRecordStore records,
    BatchStore batches,
    IJobQueue queue,
    IOptions<BatchOptions> options,
    TimeProvider time,
    ILogger<BatchService> logger)
{
    /// <summary>How many failures a batch view lists.</summary>
    public const int FailuresShown = 20;

    /// <summary>A publisher that has not renewed its lease for this long is taken to be gone.</summary>
    public static TimeSpan LeaseLifetime { get; } = TimeSpan.FromSeconds(10);

    // This process, as a lease holder.
    private readonly string _instance = $"p{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Checks a request's filters; throws <see cref="ProblemException"/> (400) naming the field.</summary>
    public static BatchFilter ToFilter(RerenderBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var experiments = new List<string>();
        foreach (var (experiment, i) in (body.Experiments ?? []).Select((e, i) => (e, i)))
        {
            if (string.IsNullOrWhiteSpace(experiment))
            {
                throw new ProblemException(ProblemCatalog.InvalidValue($"experiments[{i}]", "不能为空。", "must not be empty."));
            }
            try
            {
                experiments.Add(ExperimentCatalog.Get(experiment.Trim()).Definition.Id);
            }
            catch (AnalysisException error)
            {
                throw new ProblemException(ProblemCatalog.FromAnalysis(error) with { Field = $"experiments[{i}]" }, error);
            }
        }
        if (body.Owner is { } owner && !(owner.Length == 33 && owner[0] == 'u' && owner[1..].All(char.IsAsciiHexDigitLower)))
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("owner",
                "须为存储中的用户键（u 加 32 位小写十六进制）。", "must be a storage owner key (u and 32 lower-case hex digits)."));
        }
        if (body.CreatedFrom is { } from && body.CreatedTo is { } to && from > to)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("createdTo",
                "结束时间早于开始时间。", "createdTo is before createdFrom."));
        }
        if (body.Status is JobStatus.Queued or JobStatus.Running)
        {
            throw new ProblemException(ProblemCatalog.InvalidValue("status",
                "只能重绘已结束的任务：succeeded 或 failed。", "only finished jobs are re-rendered: succeeded or failed."));
        }
        return new BatchFilter
        {
            Experiments = experiments.Count > 0 ? experiments : null,
            Owner = body.Owner,
            CreatedFrom = body.CreatedFrom,
            CreatedTo = body.CreatedTo,
            Status = body.Status ?? JobStatus.Succeeded,
        };
    }

    /// <summary>Every stored job the filter matches, oldest first.</summary>
    public async Task<IReadOnlyList<BatchJob>> ScanAsync(BatchFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var prefix = filter.Owner is null ? "jobs/" : $"jobs/{filter.Owner}/";
        var candidates = new List<(string Owner, string JobId)>();
        await foreach (var key in store.ListAsync(prefix, cancellationToken))
        {
            var parts = key.Value.Split('/');
            if (parts.Length == 4 && parts[3] == "record.json" && JobId.IsValid(parts[2]) && filter.MayMatch(parts[1], parts[2]))
            {
                candidates.Add((parts[1], parts[2]));
            }
        }
        // Records are read 16 at a time: a large store is scanned in seconds, not minutes.
        var matching = new System.Collections.Concurrent.ConcurrentBag<BatchJob>();
        await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (candidate, ct) =>
            {
                if (await records.GetAsync(candidate.Owner, candidate.JobId, ct) is { } record && filter.Matches(record))
                {
                    matching.Add(new BatchJob(record.Owner, record.Id));
                }
            });
        var sorted = matching.ToList();
        sorted.Sort((a, b) => string.CompareOrdinal(a.JobId, b.JobId));
        return sorted;
    }

    /// <summary>
    /// Stores a new batch in state <c>scanning</c>: the matching jobs are found by the publishing job
    /// (<see cref="PublishAsync"/>), so that a request is answered before a large store is scanned.
    /// With <paramref name="id"/> (see <see cref="JobId.Derived"/>) a batch that exists already is returned.
    /// </summary>
    public async Task<BatchRecord> BeginAsync(BatchFilter filter, string createdBy, CancellationToken cancellationToken, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // A batch with a given id (the schedule's, the same in every replica) is begun once: a replica
        // that finds it already there takes it as it is.
        if (id is not null && await batches.GetAsync(id, cancellationToken) is { } existing)
        {
            return existing;
        }
        var now = time.GetUtcNow();
        var batch = new BatchRecord { Id = id ?? JobId.New(now), Filter = filter, State = BatchState.Scanning, CreatedBy = createdBy, CreatedAt = now };
        await batches.SaveAsync(batch, cancellationToken);
        return batch;
    }

    // A storage fault during the scan is tried again twice (after 1 s and 2 s) before the batch fails.
    private async Task<BatchRecord> ScanWithRetriesAsync(BatchRecord batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ScanIntoAsync(batch, cancellationToken);
            }
            catch (StorageUnavailableException error) when (attempt < 3)
            {
                logger.LogWarning(error, "Batch {BatchId}: the scan failed (attempt {Attempt}); trying again", batch.Id, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>Scans for a <c>scanning</c> batch's jobs, stores them, and makes the batch <c>running</c>.</summary>
    private async Task<BatchRecord> ScanIntoAsync(BatchRecord batch, CancellationToken cancellationToken)
    {
        var jobs = await ScanAsync(batch.Filter, cancellationToken);
        await batches.SaveJobsAsync(batch.Id, jobs, cancellationToken);
        batch = batch with { State = BatchState.Running, Total = jobs.Count };
        await batches.SaveAsync(batch, cancellationToken);
        return batch;
    }

    /// <summary>
    /// Publishes a batch's jobs to the batch queue at <see cref="BatchOptions.PublishRate"/>, from where
    /// an earlier run stopped; stops at once when the batch is cancelled. One process publishes a
    /// batch at a time: it holds the batch's lease and renews it every second; when another process
    /// has taken the lease over (this one stalled past <see cref="LeaseLifetime"/>) it stops. A job
    /// published twice in a takeover is recognized by the worker and not re-rendered again.
    /// </summary>
    public async Task PublishAsync(string batchId, CancellationToken cancellationToken)
    {
        var batch = await batches.GetAsync(batchId, cancellationToken);
        if (batch is null || batch.State is not (BatchState.Scanning or BatchState.Running) || batch.PublishedAt is not null
            || !await ClaimAsync(batchId, cancellationToken))
        {
            return;
        }
        if (batch.State == BatchState.Scanning)
        {
            // The scan can take longer than the lease: it is renewed every second meanwhile.
            using var scanning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var renewing = RenewWhileAsync(batchId, scanning);
            try
            {
                batch = await ScanWithRetriesAsync(batch, scanning.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Batch {BatchId}: another process took the scan over", batchId);
                return;
            }
            catch (StorageUnavailableException error)
            {
                logger.LogError(error, "Batch {BatchId}: the scan failed", batchId);
                await batches.SaveAsync(batch with { State = BatchState.Failed, Error = error.Message, PublishedAt = time.GetUtcNow() },
                    CancellationToken.None);
                return;
            }
            finally
            {
                await scanning.CancelAsync();
                await renewing;
            }
            logger.LogInformation("Batch {BatchId}: {Total} jobs match", batchId, batch.Total);
        }
        var jobs = await batches.GetJobsAsync(batchId, cancellationToken);
        batch = batch with { StartedAt = batch.StartedAt ?? time.GetUtcNow() };
        using var limiter = RateLimiterFor(options.Value.PublishRate);
        var first = batch.Published;
        var lastCheck = time.GetUtcNow();
        try
        {
            for (var i = first; i < jobs.Count; i++)
            {
                // Cancel, lease and position are looked at and written once a second, not per job.
                if (i == first || time.GetUtcNow() - lastCheck > TimeSpan.FromSeconds(1))
                {
                    lastCheck = time.GetUtcNow();
                    if (await batches.CancelledAtAsync(batchId, cancellationToken) is not null)
                    {
                        logger.LogInformation("Batch {BatchId} cancelled after {Published} of {Total} published", batchId, i, jobs.Count);
                        break;
                    }
                    if (!await RenewAsync(batchId, cancellationToken))
                    {
                        logger.LogWarning("Batch {BatchId}: another process took over publishing at {Published}", batchId, i);
                        return;
                    }
                    await batches.SaveAsync(batch with { Published = i }, cancellationToken);
                }
                using var lease = await limiter.AcquireAsync(1, cancellationToken);
                await queue.PublishAsync(new JobMessage(jobs[i].JobId, jobs[i].Owner, JobLane.Batch, batchId), cancellationToken);
                LabChartsTelemetry.BatchJobs.Add(1, new KeyValuePair<string, object?>("outcome", "published"));
                batch = batch with { Published = i + 1 };
            }
            await batches.SaveAsync(batch with { PublishedAt = time.GetUtcNow() }, cancellationToken);
        }
        catch (Exception error) when (error is QueueUnavailableException or StorageUnavailableException)
        {
            logger.LogError(error, "Batch {BatchId} stopped after {Published} published", batchId, batch.Published);
            await batches.SaveAsync(batch with { State = BatchState.Failed, Error = error.Message, PublishedAt = time.GetUtcNow() },
                CancellationToken.None);
        }
    }

    /// <summary>
    /// Takes over every batch whose publisher is gone: still scanning or running, not all published, not
    /// cancelled, and its lease not renewed for <see cref="LeaseLifetime"/> (or never taken, for a
    /// batch whose process died between creating and publishing it). Run by the scheduler in every
    /// API process; the lease makes one of them the publisher. Returns how many it resumed.
    /// </summary>
    public async Task<int> ResumeOrphanedAsync(CancellationToken cancellationToken)
    {
        var resumed = 0;
        var (ids, _) = await batches.ListAsync(1, int.MaxValue, cancellationToken);
        foreach (var id in ids)
        {
            if (time.GetUtcNow() - JobId.CreatedAt(id) > TimeSpan.FromDays(7))
            {
                break; // newest first: the rest are older, and a week-old batch is not resumed
            }
            if (await batches.GetAsync(id, cancellationToken) is not { State: BatchState.Scanning or BatchState.Running, PublishedAt: null } batch
                || time.GetUtcNow() - batch.CreatedAt < LeaseLifetime
                || await batches.CancelledAtAsync(id, cancellationToken) is not null
                || await batches.GetLeaseAsync(id, cancellationToken) is { } lease && time.GetUtcNow() - lease.RenewedAt < LeaseLifetime)
            {
                continue;
            }
            logger.LogWarning("Batch {BatchId}: its publisher is gone at {Published} of {Total}; taking over", id, batch.Published, batch.Total);
            await PublishAsync(id, cancellationToken);
            resumed++;
        }
        return resumed;
    }

    /// <summary>
    /// Takes the batch's lease when it is free or stale: writes it, waits, and reads it back, so of
    /// two processes claiming at once only the one whose write stayed goes on (the store needs no
    /// conditional writes, which s3rver lacks).
    /// </summary>
    private async Task<bool> ClaimAsync(string batchId, CancellationToken cancellationToken)
    {
        if (await batches.GetLeaseAsync(batchId, cancellationToken) is { } held && held.Holder != _instance
            && time.GetUtcNow() - held.RenewedAt < LeaseLifetime)
        {
            return false;
        }
        await batches.SaveLeaseAsync(batchId, new BatchLease(_instance, time.GetUtcNow()), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return (await batches.GetLeaseAsync(batchId, cancellationToken))?.Holder == _instance;
    }

    // Renews the lease once a second while the scan runs; a storage fault skips one renewal, and a
    // lease another process has taken over cancels the scan.
    private async Task RenewWhileAsync(string batchId, CancellationTokenSource scanning)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(scanning.Token))
            {
                try
                {
                    if (!await RenewAsync(batchId, scanning.Token))
                    {
                        await scanning.CancelAsync();
                        return;
                    }
                }
                catch (StorageUnavailableException error)
                {
                    logger.LogWarning(error, "Batch {BatchId}: lease not renewed this second", batchId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Renews this process's lease; false when another process holds it now.</summary>
    private async Task<bool> RenewAsync(string batchId, CancellationToken cancellationToken)
    {
        if ((await batches.GetLeaseAsync(batchId, cancellationToken))?.Holder is { } holder && holder != _instance)
        {
            return false;
        }
        await batches.SaveLeaseAsync(batchId, new BatchLease(_instance, time.GetUtcNow()), cancellationToken);
        return true;
    }

    /// <summary>
    /// A token bucket that lets <paramref name="perSecond"/> jobs through per second on average, in
    /// steps of at most a tenth of a second (so a slow rate is not a burst once a second).
    /// </summary>
    internal static TokenBucketRateLimiter RateLimiterFor(double perSecond)
    {
        var period = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1 / perSecond);
        var tokens = Math.Max(1, (int)Math.Round(perSecond * period.TotalSeconds));
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokens,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            AutoReplenishment = true,
        });
    }

    /// <summary>Cancels a batch: publishing stops at once, queued jobs are skipped.</summary>
    public async Task CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(batchId, cancellationToken) ?? throw new ProblemException(ProblemCatalog.BatchNotFound());
        if (view.State is not (BatchState.Scanning or BatchState.Running))
        {
            throw new ProblemException(ProblemCatalog.BatchNotCancellable(
                System.Text.Json.JsonSerializer.Serialize(view.State, LabChartsJson.Default.BatchState).Trim('"')));
        }
        await batches.CancelAsync(batchId, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// How long a batch whose publishing is over may go without any worker counting a job before it is
    /// counted from its done markers (a worker that crashed may have lost its last counts).
    /// </summary>
    public static TimeSpan SettleAfter { get; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A batch as an admin sees it, in a few reads however large the batch: while it runs, the counts
    /// are the sum of every worker's running counts; once it may have ended (publishing over, and the
    /// counts reach what was published or have not moved for <see cref="SettleAfter"/>) they are counted
    /// from the per-job done markers, which count each job once whatever was redelivered or published
    /// twice. The view of a batch that has ended is kept, and read back from then on.
    /// </summary>
    public async Task<BatchView?> ViewAsync(string batchId, CancellationToken cancellationToken)
    {
        if (await batches.GetAsync(batchId, cancellationToken) is not { } batch)
        {
            return null;
        }
        if (await batches.GetFinalAsync(batchId, cancellationToken) is { } final)
        {
            return final;
        }
        var cancelledAt = await batches.CancelledAtAsync(batchId, cancellationToken);
        var progress = await batches.GetProgressAsync(batchId, cancellationToken);
        var tally = Tally.Of(progress);
        var now = time.GetUtcNow();
        var publishingOver = batch.PublishedAt is not null || cancelledAt is not null || batch.State == BatchState.Failed;
        DateTimeOffset?[] moments = [tally.LastDone, batch.PublishedAt, cancelledAt, batch.StartedAt, batch.CreatedAt];
        var quietFor = now - moments.Max()!.Value;
        var settling = publishingOver && (tally.Processed >= batch.Published || quietFor >= SettleAfter);
        if (settling)
        {
            tally = Tally.Of(await batches.GetDoneAsync(batchId, cancellationToken), tally.LastDone);
        }
        var ended = settling && batch.PublishedAt is not null && tally.Processed >= batch.Published;
        var (state, finishedAt) = batch switch
        {
            _ when cancelledAt is not null => (BatchState.Cancelled, cancelledAt),
            { State: BatchState.Failed } => (BatchState.Failed, batch.PublishedAt),
            { State: BatchState.Running } when ended =>
                (BatchState.Succeeded, tally.LastDone is { } last && last > batch.PublishedAt ? last : batch.PublishedAt),
            _ => (batch.State, (DateTimeOffset?)null),
        };
        double? rate = null;
        double? left = null;
        if (batch.StartedAt is { } started && tally.Processed > 0)
        {
            var seconds = Math.Max(0.001, ((finishedAt ?? now) - started).TotalSeconds);
            rate = tally.Processed / seconds;
            left = state == BatchState.Running ? Math.Max(0, batch.Total - tally.Processed) / rate : 0;
        }
        var view = new BatchView
        {
            Id = batch.Id,
            State = state,
            Filter = batch.Filter,
            CreatedBy = batch.CreatedBy,
            Total = batch.Total,
            Published = batch.Published,
            Succeeded = tally.Succeeded,
            Failed = tally.Failed,
            Skipped = tally.Skipped,
            Failures = tally.Failures,
            CreatedAt = batch.CreatedAt,
            StartedAt = batch.StartedAt,
            FinishedAt = finishedAt,
            ThroughputPerSecond = rate,
            EstimatedSecondsLeft = left,
            Error = batch.Error,
        };
        if (ended)
        {
            await batches.SaveFinalAsync(view, cancellationToken);
        }
        return view;
    }

    /// <summary>A batch's counts: from the workers' running counts, or exact from the done markers.</summary>
    private sealed record Tally(int Succeeded, int Failed, int Skipped, IReadOnlyList<BatchFailure> Failures, DateTimeOffset? LastDone)
    {
        public int Processed => Succeeded + Failed + Skipped;

        public static Tally Of(IReadOnlyList<BatchProgress> progress) => new(
            progress.Sum(p => p.Succeeded),
            progress.Sum(p => p.Failed),
            progress.Sum(p => p.Skipped),
            First(progress.SelectMany(p => p.Failures)),
            progress.Max(p => p.UpdatedAt));

        public static Tally Of(IReadOnlyList<(string JobId, string Outcome, string? Code)> done, DateTimeOffset? lastDone) => new(
            done.Count(d => d.Outcome == "succeeded"),
            done.Count(d => d.Outcome == "failed"),
            done.Count(d => d.Outcome is not ("succeeded" or "failed")),
            First(done.Where(d => d.Outcome == "failed").Select(d => new BatchFailure(d.JobId, d.Code ?? "processing_failed"))),
            lastDone);

        private static BatchFailure[] First(IEnumerable<BatchFailure> failures) =>
            [.. failures.OrderBy(f => f.JobId, StringComparer.Ordinal).Take(FailuresShown)];
    }
}
