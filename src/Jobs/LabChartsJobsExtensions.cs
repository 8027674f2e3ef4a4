using LabCharts.Jobs.Processing;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs;

/// <summary>Wiring of the job plumbing shared by both hosts.</summary>
public static class LabChartsJobsExtensions
{
    /// <summary>
    /// Storage, queue, records and the pipeline, with the embedded defaults: the local folder and the
    /// in-process queue.
    /// </summary>
    public static IHostApplicationBuilder AddLabChartsJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Storage:UrlLifetime must be positive.").ValidateOnStart();
        services.AddOptions<LocalStorageOptions>().BindConfiguration("Storage:Local")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Storage:Local:Root is required.").ValidateOnStart();
        services.AddOptions<WorkerOptions>().BindConfiguration("Worker")
            .Validate(o => o.Concurrency >= 0 && o.MaxAttempts >= 1, "Worker:Concurrency ≥ 0 and Worker:MaxAttempts ≥ 1.")
            .ValidateOnStart();

        services.AddSingleton<LocalFolderObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<LocalFolderObjectStore>());
        services.AddSingleton<LocalFileUrlSigner>();
        services.AddSingleton<IArtifactUrlSigner>(sp => sp.GetRequiredService<LocalFileUrlSigner>());

        services.AddSingleton<InProcessJobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<InProcessJobQueue>());
        services.AddSingleton<IJobDeliverySource>(sp => sp.GetRequiredService<InProcessJobQueue>());

        services.AddSingleton<JobRecordStore>();
        services.AddSingleton<JobCompletionSignal>();
        services.AddSingleton(_ => new ChartRenderer(ChartRenderer.DefaultFontsDirectory));
        services.AddSingleton<JobPipeline>();
        services.AddScoped<JobProcessor>();
        return builder;
    }

    /// <summary>The queue consumer (and, with the in-process queue, recovery of unfinished jobs).</summary>
    public static IHostApplicationBuilder AddJobWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<PendingJobRecovery>();
        builder.Services.AddHostedService<JobWorkerService>();
        return builder;
    }
}
