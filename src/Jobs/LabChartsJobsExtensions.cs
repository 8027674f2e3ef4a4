using LabCharts.Jobs.Events;
using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Submission;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs;

/// <summary>Wiring of the job core, shared by both hosts.</summary>
public static class LabChartsJobsExtensions
{
    /// <summary>
    /// Records, the job service, the job-events hub and options. Where no adapter was added before
    /// (<c>AddS3Storage</c>, <c>AddRabbitMq</c>), the embedded ones are: the local folder
    /// (<see cref="AddLocalStorage"/>) and the in-process queue and events (<see cref="AddInProcessQueue"/>).
    /// </summary>
    public static IHostApplicationBuilder AddLabChartsJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Storage:UrlLifetime must be positive.").ValidateOnStart();

        if (!services.Any(d => d.ServiceType == typeof(IObjectStore)))
        {
            builder.AddLocalStorage();
        }
        if (!services.Any(d => d.ServiceType == typeof(IJobQueue)))
        {
            builder.AddInProcessQueue();
        }

        services.TryAddSingleton<JobEventHub>();
        services.TryAddSingleton<JobRecordStore>();
        services.TryAddSingleton<JobSubmitter>();
        return builder;
    }

    /// <summary>True when the queue is RabbitMQ (so workers may run in other processes).</summary>
    public static bool UsesRabbitMq(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Queue:RabbitMq:Uri"]);

    /// <summary>The embedded object store: a local folder (<c>Storage:Local:Root</c>), its URLs signed by this host.</summary>
    public static IHostApplicationBuilder AddLocalStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        // Outside Development the /files signing key is configured, never the one made in the data folder:
        // instances that share a store must sign alike, and a key beside the data it guards is no secret.
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<LocalStorageOptions>().BindConfiguration("Storage:Local")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Storage:Local:Root is required.")
            .Validate(o => development || o.SigningKey is { Length: >= LocalStorageOptions.MinSigningKeyLength },
                $"Storage:Local:SigningKey must be set outside Development: at least {LocalStorageOptions.MinSigningKeyLength} random characters "
                + "(e.g. `openssl rand -base64 48`), the same on every instance; it signs the /files chart URLs.")
            .ValidateOnStart();
        services.AddSingleton<LocalFolderObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<LocalFolderObjectStore>());
        services.AddSingleton<LocalFileUrlSigner>();
        services.AddSingleton<IArtifactUrlSigner>(sp => sp.GetRequiredService<LocalFileUrlSigner>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [LabChartsHostDefaults.ReadyTag]);
        return builder;
    }

    /// <summary>The embedded queue and job events: in memory, this process only.</summary>
    public static IHostApplicationBuilder AddInProcessQueue(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<InProcessJobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<InProcessJobQueue>());
        services.AddSingleton<IJobDeliverySource>(sp => sp.GetRequiredService<InProcessJobQueue>());
        services.AddSingleton<IQueueDepths>(sp => sp.GetRequiredService<InProcessJobQueue>());
        services.AddSingleton<IJobEvents, InProcessJobEvents>();
        return builder;
    }

    /// <summary>Wakes <c>?wait</c> requests from the job events (hosts that answer them).</summary>
    public static IHostApplicationBuilder AddJobCompletionSignal(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<JobCompletionSignal>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobCompletionSignal>());
        return builder;
    }
}
