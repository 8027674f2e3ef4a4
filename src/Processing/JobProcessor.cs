using LabCharts.Analysis;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Processing;

/// <summary>
/// One job, start to end: mark running → analyse → render → store artifacts → write the final record.
/// Idempotent: a redelivered job whose record is final is acknowledged untouched, and a repeated run
/// writes the same keys with the same bytes.
/// </summary>
public sealed class JobProcessor(
    JobRecordStore records,
    IObjectStore store,
    JobPipeline pipeline,
    IJobEvents events,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<JobProcessor> logger)
{
    /// <summary>Processes one delivery of a job message.</summary>
    public async Task<JobOutcome> ProcessAsync(JobMessage message, int deliveryCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
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

        record = record with
        {
            Status = JobStatus.Running,
            StartedAt = time.GetUtcNow(),
            UpdatedAt = time.GetUtcNow(),
            Attempts = record.Attempts + 1,
        };
        await records.SaveAsync(record, cancellationToken);
        await events.AnnounceAsync(record, JobEventKind.Running, logger, cancellationToken);

        try
        {
            var request = await records.GetRequestAsync(record.Owner, record.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Job {record.Id} has no stored request.");
            var output = pipeline.Run(JobRequestValidator.Validate(request));
            var artifacts = new List<StoredArtifact>();
            foreach (var artifact in output.Artifacts)
            {
                var key = JobRecordStore.KeyOf(record.Owner, record.Id, artifact.FileName);
                await store.PutAsync(key, artifact.Content, artifact.ContentType, cancellationToken);
                artifacts.Add(new StoredArtifact(artifact.Name, artifact.Format, key.Value, artifact.ContentType,
                    artifact.Width, artifact.Height, artifact.Content.Length));
            }
            await FinishAsync(record with
            {
                Status = JobStatus.Succeeded,
                Result = output.Result,
                Artifacts = artifacts,
                Error = null,
                RenderVersion = JobPipeline.RenderVersion,
            }, cancellationToken);
            return JobOutcome.Done;
        }
        catch (ProblemException error)
        {
            await FailAsync(record, error.Problem, cancellationToken);
            return JobOutcome.Done;
        }
        catch (AnalysisException error)
        {
            await FailAsync(record, ProblemCatalog.FromAnalysis(error), cancellationToken);
            return JobOutcome.Done;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (deliveryCount < options.Value.MaxAttempts)
            {
                logger.LogWarning(error, "Job {JobId} failed on delivery {Delivery}; it will be retried", record.Id, deliveryCount);
                return JobOutcome.Retry;
            }
            logger.LogError(error, "Job {JobId} failed on every one of {Delivery} deliveries", record.Id, deliveryCount);
            await FailAsync(record, ProblemCatalog.ProcessingFailed(deliveryCount), cancellationToken);
            return JobOutcome.Done;
        }
    }

    private Task FailAsync(JobRecord record, Problem problem, CancellationToken cancellationToken) =>
        FinishAsync(record with
        {
            Status = JobStatus.Failed,
            Error = JobError.From(problem),
        }, cancellationToken);

    private async Task FinishAsync(JobRecord record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var final = record with { UpdatedAt = now, FinishedAt = now };
        await records.SaveFinalAsync(final, cancellationToken);
        await events.AnnounceAsync(final, final.Status == JobStatus.Succeeded ? JobEventKind.Succeeded : JobEventKind.Failed,
            logger, cancellationToken);
    }
}
