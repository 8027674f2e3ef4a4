using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace LabCharts.Jobs.Scheduling;

/// <summary>
/// Deletes every job created more than <see cref="RetentionOptions.Days"/> days ago: its request,
/// record, charts and pending marker. The creation time is read from the job id, so nothing is
/// read but the listing.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(IObjectStore store, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await DeleteOldAsync(cancellationToken);

    /// <summary>One pass; returns how many jobs were deleted.</summary>
    public async Task<int> DeleteOldAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Days <= 0)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.Days);
        var old = new List<StorageKey>();
        var jobs = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in store.ListAsync("jobs/", cancellationToken))
        {
            var parts = key.Value.Split('/');
            if (parts.Length == 4 && JobId.IsValid(parts[2]) && JobId.CreatedAt(parts[2]) < cutoff)
            {
                old.Add(key);
                if (jobs.Add($"{parts[1]}/{parts[2]}"))
                {
                    old.Add(JobRecordStore.PendingKeyOf(parts[1], parts[2]));
                }
            }
        }
        foreach (var chunk in old.Chunk(500))
        {
            await store.DeleteManyAsync(chunk, cancellationToken);
        }
        if (jobs.Count > 0)
        {
            logger.LogInformation("Retention: deleted {Count} jobs created before {Cutoff}", jobs.Count, cutoff);
        }
        return jobs.Count;
    }
}
