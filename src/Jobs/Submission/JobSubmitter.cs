using LabCharts.Jobs.Events;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Problems;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Submission;

/// <summary>
/// The job service: the one way a job is submitted, by the API, the sweeper and the batch re-render
/// alike. Submitting is: create the record → store the request durably (with its pending marker) →
/// publish the message → announce <see cref="JobEventKind.Queued"/>. When the queue refuses, the record
/// is made final (<c>queue_unavailable</c>) so the sweeper never runs it behind the client's back,
/// and <see cref="QueueUnavailableException"/> reaches the caller; when the store fails part-way, what
/// landed is made final while that is safe (else the sweeper deals with it), and <see cref="StorageUnavailableException"/>
/// reaches the caller.
/// </summary>
public sealed class JobSubmitter(
    JobRecordStore records,
    IJobQueue queue,
    IJobEvents events,
    TimeProvider time,
    IOptions<SweeperOptions> sweeper,
    ILogger<JobSubmitter> logger)
{
    /// <summary>
    /// A new queued record for an owner (not yet stored): its id is known before submission, so a
    /// caller can start waiting for the job's events first.
    /// </summary>
    public JobRecord NewRecord(string owner, string experiment, string? title)
    {
        var now = time.GetUtcNow();
        return new JobRecord
        {
            Id = JobId.New(now),
            Owner = owner,
            Experiment = experiment,
            Title = title,
            Status = JobStatus.Queued,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Stores and publishes a new job; returns once the queue has confirmed it.</summary>
    /// <exception cref="QueueUnavailableException">The queue did not take it; the record says so and nothing will run.</exception>
    public async Task SubmitAsync(JobRecord record, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            await records.CreateAsync(record, request, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            await UndoCreateAsync(record);
            throw;
        }
        // The record is stored as queued: that is the transition (announced before the publish, so
        // that a fast worker's "running" can never come first).
        await events.AnnounceAsync(record, JobEventKind.Queued, logger, cancellationToken);
        try
        {
            await queue.PublishAsync(new JobMessage(record.Id, record.Owner), cancellationToken);
        }
        catch (QueueUnavailableException)
        {
            await MarkRefusedAsync(record);
            throw;
        }
        LabChartsTelemetry.JobsSubmitted.Add(1, new KeyValuePair<string, object?>("experiment", record.Experiment));
        logger.LogInformation("Job {JobId} accepted ({Experiment}) for {Owner}", record.Id, record.Experiment, record.Owner);
    }

    /// <summary>
    /// The queue refused the job: its record is made final (<c>queue_unavailable</c>) so the sweeper
    /// does not run it later behind the client's back. If even that write fails, the caller still
    /// hears "refused"; the record then stays queued with its marker and the sweeper runs it.
    /// </summary>
    private Task MarkRefusedAsync(JobRecord record) => MarkRefusedAsync(record, ProblemCatalog.QueueUnavailable());

    /// <summary>
    /// Storing the job failed part-way, and a failed write may still have landed (the store took it, the
    /// answer was lost). The caller hears "refused", so a record that did land queued is made final
    /// (<c>storage_unavailable</c>) — but only while the sweeper cannot have published it yet (before half
    /// of <see cref="SweeperOptions.StaleAfter"/> has passed since the job's creation; nothing else ever
    /// publishes a job whose creation failed), so it never flips a job a worker is running. Anything else
    /// is left to the sweeper: a marker without a record is dropped with its request once stale, and a
    /// queued record that is still there then (the store was down for this clean-up, or the write landed
    /// late) is run.
    /// </summary>
    private async Task UndoCreateAsync(JobRecord record)
    {
        var left = sweeper.Value.StaleAfter / 2 - (time.GetUtcNow() - record.CreatedAt);
        if (left <= TimeSpan.Zero)
        {
            logger.LogWarning("Job {JobId} could not be stored; too late to check its remains, the sweeper will drop them, or run a record that landed", record.Id);
            return;
        }
        // The read must end while the sweeper still cannot have the job: past that, hands off.
        using var inTime = new CancellationTokenSource(left, time);
        try
        {
            if (await records.GetAsync(record.Owner, record.Id, inTime.Token) is { Status: JobStatus.Queued }
                && !inTime.IsCancellationRequested)
            {
                await MarkRefusedAsync(record, ProblemCatalog.StorageUnavailable());
            }
        }
        catch (Exception error)
        {
            // The original refusal must reach the caller whatever happens here.
            logger.LogWarning("Job {JobId} could not be stored, nor its remains checked ({Reason}); the sweeper will drop them, or run a record that landed",
                record.Id, error.Message);
        }
    }

    private async Task MarkRefusedAsync(JobRecord record, Problem refusal)
    {
        var now = time.GetUtcNow();
        var failed = record with
        {
            Status = JobStatus.Failed,
            Error = JobError.From(refusal),
            UpdatedAt = now,
            FinishedAt = now,
        };
        try
        {
            await records.SaveFinalAsync(failed, CancellationToken.None);
            await events.AnnounceAsync(failed, JobEventKind.Failed, logger, CancellationToken.None);
        }
        catch (Exception error)
        {
            logger.LogError(error, "Job {JobId} was refused ({Code}) and could not be marked failed; the sweeper will run it", record.Id, refusal.Code);
        }
    }

    /// <summary>
    /// Publishes a stored job that is not final again (its message was lost). Processing is
    /// idempotent, so a job published twice is still done once.
    /// </summary>
    public async Task RepublishAsync(JobRecord record, JobLane lane, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await queue.PublishAsync(new JobMessage(record.Id, record.Owner, lane), cancellationToken);
    }
}
