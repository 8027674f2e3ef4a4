using LabCharts.Jobs.Events;
using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs.RabbitMq;

/// <summary>Wiring of the RabbitMQ adapter.</summary>
public static class RabbitMqExtensions
{
    /// <summary>
    /// When <c>Queue:RabbitMq:Uri</c> is set: the job queue, the delivery source, the job events and a
    /// readiness check on RabbitMQ. Call before <c>AddLabChartsJobs</c>, which adds the in-process
    /// queue and events only when nothing else did. Does nothing when RabbitMQ is not configured.
    /// </summary>
    public static IHostApplicationBuilder AddRabbitMq(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.UsesRabbitMq())
        {
            return builder;
        }
        var services = builder.Services;
        services.AddOptions<RabbitMqOptions>().BindConfiguration("Queue:RabbitMq")
            .Validate(o => Uri.TryCreate(o.Uri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps",
                "Queue:RabbitMq:Uri must be an amqp:// or amqps:// URL.")
            .Validate(o => o.DeliveryLimit >= 1 && o.PublishTimeout > TimeSpan.Zero, "Queue:RabbitMq limits out of range.")
            .ValidateOnStart();
        services.AddSingleton<RabbitMqConnection>();
        services.AddSingleton<IJobQueue, RabbitMqJobPublisher>();
        services.AddSingleton<IJobDeliverySource, RabbitMqDeliverySource>();
        services.AddSingleton<IQueueDepths, RabbitMqQueueDepths>();
        services.AddSingleton<JobEventHub>();
        services.AddSingleton<IJobEvents, RabbitMqJobEvents>();
        services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>("queue", tags: [LabChartsHostDefaults.ReadyTag]);
        return builder;
    }
}
