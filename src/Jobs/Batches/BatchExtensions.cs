using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs.Batches;

/// <summary>Wiring of admin batch re-renders.</summary>
public static class BatchExtensions
{
    /// <summary>The batch store and options (every host that processes or shows batches).</summary>
    public static IHostApplicationBuilder AddBatchStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BatchOptions>().BindConfiguration("Batches")
            .Validate(o => o.PublishRate > 0 && o.WorkerShare is > 0 and <= 1 && o.Nice is >= 0 and <= 19,
                "Batches:PublishRate > 0, Batches:WorkerShare in (0, 1] and Batches:Nice in 0–19.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<BatchStore>();
        return builder;
    }

    /// <summary>Creating and publishing batches (published by the scheduler: <c>AddLabChartsScheduler</c>).</summary>
    public static IHostApplicationBuilder AddBatches(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBatchStore();
        builder.Services.TryAddSingleton<BatchService>();
        return builder;
    }
}
