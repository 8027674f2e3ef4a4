using Quartz;

namespace LabCharts.Jobs.Batches;

/// <summary>
/// The scheduler's job that publishes one batch. Not concurrent: one batch id is published by one
/// run at a time in this process; a batch is scheduled only in the process that created it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BatchPublishJob(BatchService batches) : IJob
{
    /// <summary>The job-data key of the batch id.</summary>
    public const string BatchIdKey = "batchId";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var batchId = context.MergedJobDataMap.GetString(BatchIdKey)!;
        await batches.PublishAsync(batchId, cancellationToken);
    }

    /// <summary>Schedules a batch's publishing to start now.</summary>
    public static async Task ScheduleAsync(ISchedulerFactory schedulers, string batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedulers);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<BatchPublishJob>()
            .WithIdentity($"batch-{batchId}", "batches")
            .UsingJobData(BatchIdKey, batchId)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"batch-{batchId}", "batches").StartNow().Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
    }
}
