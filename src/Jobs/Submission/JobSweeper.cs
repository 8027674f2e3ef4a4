using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Events;
using LabCharts.Jobs.Problems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Submission;

/// <summary>
/// Finds jobs whose message never reached a worker — the API died between storing the record and
/// publishing, or the in-process queue died with its process — through their pending markers, and
/// publishes them again. Processing is idempotent, so a job published twice is still done once.
/// A job a worker has already started <see cref="SweeperOptions.MaxAttempts"/> times and that is
/// still not final is given up: it ends <c>failed</c> with <c>processing_failed</c>. Run by the
/// scheduler (<see cref="JobSweepJob"/>); with the in-process queue every pending job is
/// re-published at start (nothing else can hold it).
/// </summary>
public sealed class JobSweeper(
    JobRecordStore records,
    JobSubmitter submitter,
    IJobEvents events,
    IOptions<SweeperOptions> options,
    TimeProvider time,
    ILogger<JobSweeper> logger)
{
    /// <summary>One pass: returns how many jobs were re-published.</summary>
    public async Task<int> SweepAsync(TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        var republished = 0;
        var cutoff = time.GetUtcNow() - staleAfter;
        await foreach (var (owner, jobId) in records.ListPendingAsync(cancellationToken))
        {
            if (JobId.CreatedAt(jobId) > cutoff)
            {
                continue;
            }
            var record = await records.GetAsync(owner, jobId, cancellationToken);
            if (record is null || record.Status.IsFinal())
            {
                // Final: nothing to run. Never completed creation (no record a minute past stale): the marker
                // goes, with the request that may have landed, so no folder without a record stays behind.
                if (record is not null)
                {
                    await records.DeletePendingAsync(owner, jobId, cancellationToken);
                }
                else if (JobId.CreatedAt(jobId) < cutoff - TimeSpan.FromMinutes(1))
                {
                    await records.DeleteUnrecordedAsync(owner, jobId, cancellationToken);
                }
                continue;
            }
            if (record.Attempts >= options.Value.MaxAttempts)
            {
                var now = time.GetUtcNow();
                var failed = record with
                {
                    Status = JobStatus.Failed,
                    Error = JobError.From(ProblemCatalog.ProcessingFailed(record.Attempts)),
                    UpdatedAt = now,
                    FinishedAt = now,
                };
                await records.SaveFinalAsync(failed, cancellationToken);
                await events.AnnounceAsync(failed, JobEventKind.Failed, logger, cancellationToken);
                logger.LogWarning("Job {JobId} still unfinished after {Attempts} attempts; marked failed", record.Id, record.Attempts);
                continue;
            }
            await submitter.RepublishAsync(record, JobLane.Interactive, cancellationToken);
            republished++;
        }
        if (republished > 0)
        {
            logger.LogInformation("Re-published {Count} unfinished jobs", republished);
        }
        return republished;
    }
}
