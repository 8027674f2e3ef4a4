using LabCharts.Jobs.Batches;
using LabCharts.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Processing;

/// <summary>Wiring of job processing: the hosts that run workers call this, and only they.</summary>
public static class ProcessingExtensions
{
    /// <summary>
    /// The pipeline (with the chart renderer, created on first use so a host loads Cairo only when it
    /// renders), the processor and the queue consumer.
    /// </summary>
    public static IHostApplicationBuilder AddJobWorker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WorkerOptions>().BindConfiguration("Worker")
            .Validate(o => o.Concurrency >= 0 && o.MaxAttempts >= 1, "Worker:Concurrency ≥ 0 and Worker:MaxAttempts ≥ 1.")
            .ValidateOnStart();
        services.AddSingleton(_ => new ChartRenderer(ChartRenderer.DefaultFontsDirectory));
        services.AddSingleton<JobPipeline>();
        builder.AddBatchStore();
        services.AddSingleton<BatchProgressReporter>();
        services.AddSingleton<BatchCpu>();
        services.AddScoped<JobProcessor>();
        services.AddHostedService<JobWorkerService>();
        return builder;
    }
}
