using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace LabCharts.Jobs.Batches;

/// <summary>The scheduled re-render of <c>Batches:Nightly:Filter</c>: a batch like an admin's, made by "schedule".</summary>
[DisallowConcurrentExecution]
public sealed class NightlyRerenderJob(BatchService batches, IOptions<BatchOptions> options, ILogger<NightlyRerenderJob> logger) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var filter = BatchService.ToFilter(options.Value.Nightly.Filter);
        var batch = await batches.BeginAsync(filter, "schedule", cancellationToken);
        logger.LogInformation("Scheduled re-render batch {BatchId} started", batch.Id);
        await batches.PublishAsync(batch.Id, cancellationToken);
    }
}
