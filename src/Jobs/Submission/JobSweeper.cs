using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs.Submission;

/// <summary>
/// Finds jobs whose message never reached a worker — the API died between storing the record and
/// publishing, or the in-process queue died with its process — through their pending markers, and
/// publishes them again. Processing is idempotent, so a job published twice is still done once.
/// With the in-process queue every pending job is re-published at start (nothing else can hold it).
/// </summary>
public sealed class JobSweeper(
    JobRecordStore records,
    JobSubmitter submitter,
    IOptions<SweeperOptions> options,
    TimeProvider time,
    ILogger<JobSweeper> logger,
    bool republishAllOnStart = false) : BackgroundService
{
    /// <summary>Re-publishes everything pending on the first pass (set for the in-process queue).</summary>
    public bool RepublishAllOnStart { get; } = republishAllOnStart;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await SweepAsync(first && RepublishAllOnStart ? TimeSpan.Zero : options.Value.StaleAfter, stoppingToken);
                first = false;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Sweep failed; trying again in {Interval}", options.Value.Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

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
                // Final (or never completed creation): nothing to run.
                if (record is not null || JobId.CreatedAt(jobId) < cutoff - TimeSpan.FromMinutes(1))
                {
                    await records.DeletePendingAsync(owner, jobId, cancellationToken);
                }
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
