using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LabCharts.Jobs.Telemetry;

/// <summary>
/// OpenTelemetry for a LabCharts host: LabCharts' spans and metrics, ASP.NET Core's and the runtime's;
/// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the exporter's own variables
/// configure the rest), and as Prometheus text at <c>/metrics</c> on <c>Telemetry:MetricsPort</c> only —
/// a port of its own, which Cloud Run's gateway never forwards (it forwards the service port alone).
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The metrics port, or 0 when <c>/metrics</c> is off.</summary>
    public static int MetricsPort(this IConfiguration configuration) => configuration.GetValue("Telemetry:MetricsPort", 0);

    /// <summary>Registers tracing and metrics for the service <paramref name="serviceName"/>.</summary>
    public static IHostApplicationBuilder AddLabChartsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = configuration.MetricsPort() > 0;
        var version = typeof(LabChartsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!configuration.GetValue("Telemetry:TrustIncomingTraceContext", false))
        {
            // ASP.NET Core reads the incoming trace context through this propagator (the last one registered
            // wins); OpenTelemetry's instrumentation reads it a second time unless its default propagator
            // is the plain W3C one, which then defers to ASP.NET Core's activity.
            builder.Services.AddSingleton<System.Diagnostics.DistributedContextPropagator>(new OutgoingOnlyPropagator());
            Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["Telemetry:ServiceName"] ?? serviceName, serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing.AddSource(LabChartsTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path));
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(LabChartsTelemetry.Name).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        builder.Services.AddHostedService<QueueDepthGauges>();
        return builder;
    }

    /// <summary>
    /// Serves <c>/metrics</c> to requests that arrived on the metrics port, told by the connection's local
    /// port (never the Host header a client writes), and nothing else there: the API is not reachable on
    /// the metrics port, nor the metrics on the service port.
    /// </summary>
    public static WebApplication UseLabChartsMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var port = app.Configuration.MetricsPort();
        if (port > 0)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Connection.LocalPort == port && context.Request.Path == "/metrics");
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort == port)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}
