using System.Text.Json;
using LabCharts.Jobs.Contracts;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Processing;

/// <summary>
/// With the in-process queue, messages die with the process. On start this walks the stored records
/// and re-publishes every job that is not final, so a job accepted with 202 before a restart still
/// finishes. (With RabbitMQ the broker keeps the messages instead.)
/// </summary>
public sealed class PendingJobRecovery(IObjectStore store, IJobQueue queue, ILogger<PendingJobRecovery> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = 0;
        await foreach (var key in store.ListAsync("jobs/", stoppingToken))
        {
            if (!key.Value.EndsWith("/record.json", StringComparison.Ordinal))
            {
                continue;
            }
            var stored = await store.GetAsync(key, stoppingToken);
            var record = stored is null ? null : JsonSerializer.Deserialize(stored.Content, LabChartsJson.Default.JobRecord);
            if (record is { Status: not (JobStatus.Succeeded or JobStatus.Failed) })
            {
                await queue.PublishAsync(new JobMessage(record.Id, record.Owner), stoppingToken);
                recovered++;
            }
        }
        if (recovered > 0)
        {
            logger.LogInformation("Re-queued {Count} unfinished jobs found in storage", recovered);
        }
    }
}
