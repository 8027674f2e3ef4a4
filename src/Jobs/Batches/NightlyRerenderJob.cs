using LabCharts.Jobs.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace LabCharts.Jobs.Batches;

/// <summary>
/// The scheduled re-render of <c>Batches:Nightly:Filter</c>: a batch like an admin's, made by
/// "schedule". Every API replica with the schedule fires it; the batch's id is derived from the
/// scheduled time and the filter, so all of them begin the same batch, and its lease lets one of
/// them scan and publish it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class NightlyRerenderJob(BatchService batches, IOptions<BatchOptions> options, ILogger<NightlyRerenderJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = BatchService.ToFilter(options.Value.Nightly.Filter);
        var slot = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
        var id = JobId.Derived(new DateTimeOffset(slot.Ticks - (slot.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            "nightly:" + System.Text.Json.JsonSerializer.Serialize(filter, LabChartsJson.Default.BatchFilter));
        var batch = await batches.BeginAsync(filter, "schedule", cancellationToken, id);
        logger.LogInformation("Scheduled re-render batch {BatchId} started", batch.Id);
        await batches.PublishAsync(batch.Id, cancellationToken);
    }
}
