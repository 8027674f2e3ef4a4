using Microsoft.Extensions.Options;
using Quartz;

namespace LabCharts.Jobs.Submission;

/// <summary>The scheduler's sweep: one pass of <see cref="JobSweeper"/>, never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class JobSweepJob(JobSweeper sweeper, IOptions<SweeperOptions> options) : IJob
{
    /// <summary>Job data: re-publish every pending job, however new (the in-process queue's start).</summary>
    public const string AllKey = "all";

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var all = context.MergedJobDataMap.ContainsKey(AllKey) && context.MergedJobDataMap.GetBoolean(AllKey);
        await sweeper.SweepAsync(all ? TimeSpan.Zero : options.Value.StaleAfter, cancellationToken);
    }
}
