using LabCharts.Jobs.Health;
using LabCharts.Jobs.Processing;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Queue.RabbitMq;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Storage;
using LabCharts.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LabCharts.Jobs;

/// <summary>Wiring of the job plumbing shared by both hosts.</summary>
public static class LabChartsJobsExtensions
{
    /// <summary>
    /// Storage, queue, records and the pipeline. Each adapter is chosen by configuration: RabbitMQ
    /// when <c>Queue:RabbitMq:Uri</c> is set, else the in-process queue; S3 when
    /// <c>Storage:S3:Endpoint</c> is set, else the local folder. Nothing above the ports changes.
    /// </summary>
    public static IHostApplicationBuilder AddLabChartsJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => o.UrlLifetime > TimeSpan.Zero, "Storage:UrlLifetime must be positive.").ValidateOnStart();
        services.AddOptions<WorkerOptions>().BindConfiguration("Worker")
            .Validate(o => o.Concurrency >= 0 && o.MaxAttempts >= 1, "Worker:Concurrency ≥ 0 and Worker:MaxAttempts ≥ 1.")
            .ValidateOnStart();
        services.AddOptions<SweeperOptions>().BindConfiguration("Sweeper")
            .Validate(o => o.Interval > TimeSpan.Zero && o.StaleAfter >= TimeSpan.Zero, "Sweeper:Interval must be positive.")
            .ValidateOnStart();

        AddStorage(builder);
        AddQueue(builder);

        services.AddSingleton<JobRecordStore>();
        services.AddSingleton<JobCompletionSignal>();
        services.AddSingleton(_ => new ChartRenderer(ChartRenderer.DefaultFontsDirectory));
        services.AddSingleton<JobPipeline>();
        services.AddScoped<JobProcessor>();
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<QueueHealthCheck>("queue", tags: ["ready"]);
        return builder;
    }

    /// <summary>True when the queue is RabbitMQ (so workers may run in other processes).</summary>
    public static bool UsesRabbitMq(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Queue:RabbitMq:Uri"]);

    /// <summary>The queue consumer.</summary>
    public static IHostApplicationBuilder AddJobWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService<JobWorkerService>();
        return builder;
    }

    /// <summary>
    /// The sweeper that re-publishes jobs whose message was lost; with the in-process queue it also
    /// re-publishes every unfinished job at start.
    /// </summary>
    public static IHostApplicationBuilder AddJobSweeper(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue("Sweeper:Enabled", true))
        {
            return builder;
        }
        var inProcess = !builder.Configuration.UsesRabbitMq();
        builder.Services.AddHostedService(sp => new JobSweeper(
            sp.GetRequiredService<JobRecordStore>(),
            sp.GetRequiredService<IJobQueue>(),
            sp.GetRequiredService<IOptions<SweeperOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<JobSweeper>>())
        {
            RepublishAllOnStart = inProcess,
        });
        return builder;
    }

    private static void AddStorage(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Storage:S3:Endpoint"]))
        {
            services.AddOptions<S3StorageOptions>().BindConfiguration("Storage:S3")
                .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Storage:S3:Endpoint must be an absolute URL.")
                .Validate(o => string.IsNullOrWhiteSpace(o.PublicEndpoint) || Uri.TryCreate(o.PublicEndpoint, UriKind.Absolute, out _),
                    "Storage:S3:PublicEndpoint must be an absolute URL.")
                .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Storage:S3:Bucket is required.")
                .ValidateOnStart();
            services.AddSingleton<IObjectStore, S3ObjectStore>();
            services.AddSingleton<IArtifactUrlSigner, S3PresignedUrlSigner>();
            return;
        }
        services.AddOptions<LocalStorageOptions>().BindConfiguration("Storage:Local")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Root), "Storage:Local:Root is required.").ValidateOnStart();
        services.AddSingleton<LocalFolderObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<LocalFolderObjectStore>());
        services.AddSingleton<LocalFileUrlSigner>();
        services.AddSingleton<IArtifactUrlSigner>(sp => sp.GetRequiredService<LocalFileUrlSigner>());
    }

    private static void AddQueue(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Configuration.UsesRabbitMq())
        {
            services.AddOptions<RabbitMqOptions>().BindConfiguration("Queue:RabbitMq")
                .Validate(o => Uri.TryCreate(o.Uri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps",
                    "Queue:RabbitMq:Uri must be an amqp:// or amqps:// URL.")
                .Validate(o => o.DeliveryLimit >= 1 && o.PublishTimeout > TimeSpan.Zero, "Queue:RabbitMq limits out of range.")
                .ValidateOnStart();
            services.AddSingleton<RabbitMqConnection>();
            services.AddSingleton<IJobQueue, RabbitMqJobPublisher>();
            services.AddSingleton<IJobDeliverySource, RabbitMqDeliverySource>();
            return;
        }
        services.AddSingleton<InProcessJobQueue>();
        services.AddSingleton<IJobQueue>(sp => sp.GetRequiredService<InProcessJobQueue>());
        services.AddSingleton<IJobDeliverySource>(sp => sp.GetRequiredService<InProcessJobQueue>());
    }
}
