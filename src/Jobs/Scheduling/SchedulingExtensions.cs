using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Submission;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace LabCharts.Jobs.Scheduling;

/// <summary>
/// The Quartz scheduler of the API host and what it runs: the stale-job sweeper (<c>Sweeper:*</c>),
/// retention (<c>Retention:*</c>, off by default), the optional nightly re-render
/// (<c>Batches:Nightly:*</c>) and the publishing of admin batches. Each schedule is a cron expression
/// in configuration and each can be turned off.
/// </summary>
public static class SchedulingExtensions
{
    /// <summary>Registers the scheduler and the configured jobs.</summary>
    public static IHostApplicationBuilder AddLabChartsScheduler(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<SweeperOptions>().BindConfiguration("Sweeper")
            .Validate(o => IsCron(o.Schedule), "Sweeper:Schedule must be a Quartz cron expression.")
            .Validate(o => o.StaleAfter >= TimeSpan.Zero && o.MaxAttempts >= 1, "Sweeper:StaleAfter ≥ 0 and Sweeper:MaxAttempts ≥ 1.")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>().BindConfiguration("Retention")
            .Validate(o => o.Days >= 0 && IsCron(o.Schedule), "Retention:Days ≥ 0 and Retention:Schedule a cron expression.")
            .ValidateOnStart();
        builder.AddBatches();
        services.TryAddSingleton<JobSweeper>();

        var sweeper = configuration.GetSection("Sweeper").Get<SweeperOptions>() ?? new SweeperOptions();
        var retention = configuration.GetSection("Retention").Get<RetentionOptions>() ?? new RetentionOptions();
        var nightly = configuration.GetSection("Batches:Nightly").Get<NightlyRerenderOptions>() ?? new NightlyRerenderOptions();
        var inProcessQueue = !configuration.UsesRabbitMq();
        services.AddQuartz(quartz =>
        {
            if (sweeper.Enabled)
            {
                var key = new JobKey("sweeper", "maintenance");
                quartz.AddJob<JobSweepJob>(job => job.WithIdentity(key));
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity("sweeper-schedule", "maintenance").WithCronSchedule(sweeper.Schedule));
                if (inProcessQueue)
                {
                    // Nothing but this process held the in-process queue: run every unfinished job again now.
                    quartz.AddTrigger(t => t.ForJob(key).WithIdentity("sweeper-start", "maintenance")
                        .UsingJobData(JobSweepJob.AllKey, true).StartNow());
                }
            }
            {
                var key = new JobKey("batch-resume", "maintenance");
                quartz.AddJob<BatchResumeJob>(job => job.WithIdentity(key));
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity("batch-resume-schedule", "maintenance")
                    .WithCronSchedule(configuration["Batches:ResumeSchedule"] ?? "0/5 * * * * ?"));
            }
            if (retention.Days > 0)
            {
                var key = new JobKey("retention", "maintenance");
                quartz.AddJob<RetentionJob>(job => job.WithIdentity(key));
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity("retention-schedule", "maintenance").WithCronSchedule(retention.Schedule));
            }
            if (!string.IsNullOrWhiteSpace(nightly.Schedule))
            {
                var key = new JobKey("nightly-rerender", "maintenance");
                quartz.AddJob<NightlyRerenderJob>(job => job.WithIdentity(key));
                quartz.AddTrigger(t => t.ForJob(key).WithIdentity("nightly-rerender-schedule", "maintenance").WithCronSchedule(nightly.Schedule));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>True for a valid Quartz cron expression (seconds first).</summary>
    public static bool IsCron(string? expression) =>
        !string.IsNullOrWhiteSpace(expression) && CronExpression.TryParse(expression, out _);
}
