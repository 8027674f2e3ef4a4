using Quartz;

namespace LabCharts.Jobs.Batches;

/// <summary>The scheduler's look for batches whose publisher is gone (<see cref="BatchService.ResumeOrphanedAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class BatchResumeJob(BatchService batches) : IJob
{
    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await batches.ResumeOrphanedAsync(cancellationToken);
}
