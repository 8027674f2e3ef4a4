using System.Diagnostics;
using LabCharts.Analysis;
using LabCharts.Jobs;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Telemetry;
using LabCharts.Jobs.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Processing;

/// <summary>
/// One job, start to end: mark running → analyse → render → store artifacts → write the final record.
/// Idempotent: a redelivered job whose record is final is acknowledged untouched, and a repeated run
/// writes the same keys with the same bytes. A batch message re-renders a finished job instead
/// (<see cref="RerenderAsync"/>).
/// </summary>
public sealed class JobProcessor(
    JobRecordStore records,
    IObjectStore store,
    JobPipeline pipeline,
    IJobEvents events,
    BatchProgressReporter batches,
    BatchCpu batchCpu,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<JobProcessor> logger)
{
    /// <summary>
    /// Processes one delivery of a job message. <paramref name="again"/>: the same delivery once more, after
    /// storage did not answer; it is not another attempt (the record's attempts and the running event are not repeated).
    /// </summary>
    public async Task<JobOutcome> ProcessAsync(JobMessage message, int deliveryCount, CancellationToken cancellationToken, bool again = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is { Lane: JobLane.Batch, BatchId: { } batchId })
        {
            return await RerenderAsync(message, batchId, deliveryCount, cancellationToken);
        }
        var record = await records.GetAsync(message.Owner, message.JobId, cancellationToken);
        if (record is null)
        {
            logger.LogWarning("Job {JobId} has no record; dropping its message", message.JobId);
            return JobOutcome.Done;
        }
        if (record.Status.IsFinal())
        {
            return JobOutcome.Done;
        }

        if (!(again && record.Status == JobStatus.Running))
        {
            record = record with
            {
                Status = JobStatus.Running,
                StartedAt = time.GetUtcNow(),
                UpdatedAt = time.GetUtcNow(),
                Attempts = record.Attempts + 1,
            };
            await records.SaveAsync(record, cancellationToken);
            await events.AnnounceAsync(record, JobEventKind.Running, logger, cancellationToken);
        }

        var (outcome, finished) = await RunAsync(record, deliveryCount, batchId: null, cancellationToken);
        if (finished is not null)
        {
            var now = time.GetUtcNow();
            var final = finished with { UpdatedAt = now, FinishedAt = now };
            await records.SaveFinalAsync(final, cancellationToken);
            await events.AnnounceAsync(final, final.Status == JobStatus.Succeeded ? JobEventKind.Succeeded : JobEventKind.Failed,
                logger, cancellationToken);
            Completed(final);
        }
        return outcome;
    }

    /// <summary>
    /// Re-renders a finished job for an admin batch with the current analysis and chart code: new
    /// result and charts (each artifact replaced whole, so a reader never sees half a chart), one more
    /// render version, the batch id and the run in the record's history. The student's request is
    /// never written. A re-render that fails leaves the job's result and charts as they were and is
    /// counted as the batch's failure. Jobs not finished, gone, already done by this batch, or of a
    /// cancelled batch are skipped.
    /// </summary>
    private async Task<JobOutcome> RerenderAsync(JobMessage message, string batchId, int deliveryCount, CancellationToken cancellationToken)
    {
        var record = await records.GetAsync(message.Owner, message.JobId, cancellationToken);
        if (record?.BatchId == batchId && record.History.LastOrDefault(run => run.BatchId == batchId) is { } done)
        {
            // Already re-rendered by this batch (published twice, or redelivered after a crash).
            await batches.ReportAsync(batchId, record.Id,
                done.Status == JobStatus.Succeeded ? BatchProgressReporter.Outcome.Succeeded : BatchProgressReporter.Outcome.Failed,
                done.ErrorCode, cancellationToken, alreadyCounted: true);
            return JobOutcome.Done;
        }
        if (record is null || !record.Status.IsFinal() || await batches.IsCancelledAsync(batchId, cancellationToken))
        {
            await batches.ReportAsync(batchId, message.JobId, BatchProgressReporter.Outcome.Skipped, null, cancellationToken);
            return JobOutcome.Done;
        }

        var (outcome, finished) = await RunAsync(record, deliveryCount, batchId, cancellationToken);
        if (finished is null)
        {
            return outcome;
        }
        var now = time.GetUtcNow();
        if (finished.Status == JobStatus.Succeeded)
        {
            await records.SaveAsync(finished with { UpdatedAt = now }, cancellationToken);
            await DeleteDroppedArtifactsAsync(record, finished, cancellationToken);
            await events.AnnounceAsync(finished, JobEventKind.Rerendered, logger, cancellationToken);
            await batches.ReportAsync(batchId, record.Id, BatchProgressReporter.Outcome.Succeeded, null, cancellationToken);
        }
        else
        {
            // The student keeps the result and charts that were there; the failed run is in the history.
            await records.SaveAsync(record with { BatchId = batchId, History = finished.History, UpdatedAt = now }, cancellationToken);
            await batches.ReportAsync(batchId, record.Id, BatchProgressReporter.Outcome.Failed, finished.Error?.Code, cancellationToken);
        }
        return outcome;
    }

    /// <summary>
    /// Analyses and renders a job once and stores its artifacts. Returns the record as it ends (with
    /// the run in its history), or null when the delivery is to be retried.
    /// </summary>
    private async Task<(JobOutcome Outcome, JobRecord? Finished)> RunAsync(
        JobRecord record, int deliveryCount, string? batchId, CancellationToken cancellationToken)
    {
        try
        {
            var request = await records.GetRequestAsync(record.Owner, record.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Job {record.Id} has no stored request.");
            var job = JobRequestValidator.Validate(request);
            // A student's job computes here; a batch job on the low-priority batch threads.
            var output = batchId is null ? pipeline.Run(job) : await batchCpu.RunAsync(() => pipeline.Run(job));
            var artifacts = new List<StoredArtifact>();
            var uploading = Stopwatch.GetTimestamp();
            using (LabChartsTelemetry.StartStage("store artifacts"))
            {
                foreach (var artifact in output.Artifacts)
                {
                    var key = JobRecordStore.KeyOf(record.Owner, record.Id, artifact.FileName);
                    await store.PutAsync(key, artifact.Content, artifact.ContentType, cancellationToken);
                    artifacts.Add(new StoredArtifact(artifact.Name, artifact.Format, key.Value, artifact.ContentType,
                        artifact.Width, artifact.Height, artifact.Content.Length));
                }
            }
            LabChartsTelemetry.StorageDuration.Record(Stopwatch.GetElapsedTime(uploading).TotalMilliseconds);
            var version = record.RenderVersion + 1;
            return (JobOutcome.Done, record with
            {
                Status = JobStatus.Succeeded,
                Result = output.Result,
                Artifacts = artifacts,
                Error = null,
                RenderVersion = version,
                BatchId = batchId ?? record.BatchId,
                History = [.. record.History, new JobRun(time.GetUtcNow(), version, JobStatus.Succeeded, batchId)],
            });
        }
        catch (Exception error) when (error is ProblemException or AnalysisException)
        {
            if (error is ProblemException { Problem.Code: "not_computable", InnerException: { } cause })
            {
                // The data pass the checks but break the computation: worth a look. Where, not the message
                // (which may quote the student's values).
                logger.LogWarning("Job {JobId} could not be computed from its data: {Exception} in {Site}",
                    record.Id, cause.GetType().FullName, cause.TargetSite?.DeclaringType?.FullName + "." + cause.TargetSite?.Name);
            }
            return (JobOutcome.Done, Failed(record, error is ProblemException known ? known.Problem : ProblemCatalog.FromAnalysis((AnalysisException)error), batchId));
        }
        catch (StorageUnavailableException)
        {
            // Not the job's fault and not an attempt: the worker holds the delivery until storage answers.
            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (deliveryCount < options.Value.MaxAttempts)
            {
                logger.LogWarning(error, "Job {JobId} failed on delivery {Delivery}; it will be retried", record.Id, deliveryCount);
                return (JobOutcome.Retry, null);
            }
            logger.LogError(error, "Job {JobId} failed on every one of {Delivery} deliveries", record.Id, deliveryCount);
            return (JobOutcome.Done, Failed(record, ProblemCatalog.ProcessingFailed(deliveryCount), batchId));
        }
    }

    /// <summary>The job's end in the metrics (count by experiment, status and code; submit-to-done time) and the log.</summary>
    private void Completed(JobRecord final)
    {
        var status = final.Status == JobStatus.Succeeded ? "succeeded" : "failed";
        var seconds = (final.FinishedAt!.Value - final.CreatedAt).TotalSeconds;
        LabChartsTelemetry.JobsCompleted.Add(1, new("experiment", final.Experiment), new("status", status), new("code", final.Error?.Code ?? ""));
        LabChartsTelemetry.JobDuration.Record(seconds, new KeyValuePair<string, object?>("experiment", final.Experiment), new("status", status));
        logger.LogInformation("Job {JobId} {Status} ({Experiment}{Code}) {Seconds:F3} s after submission",
            final.Id, status, final.Experiment, final.Error is { } error ? ", " + error.Code : "", seconds);
    }

    private JobRecord Failed(JobRecord record, Problem problem, string? batchId) => record with
    {
        Status = JobStatus.Failed,
        Error = JobError.From(problem),
        History = [.. record.History, new JobRun(time.GetUtcNow(), record.RenderVersion, JobStatus.Failed, batchId, problem.Code)],
    };

    // A re-render may make fewer files than the run before (a chart the new code no longer draws).
    private async Task DeleteDroppedArtifactsAsync(JobRecord before, JobRecord after, CancellationToken cancellationToken)
    {
        foreach (var dropped in before.Artifacts.Where(old => after.Artifacts.All(now => now.Key != old.Key)))
        {
            await store.DeleteAsync(StorageKey.Parse(dropped.Key), cancellationToken);
        }
    }
}
