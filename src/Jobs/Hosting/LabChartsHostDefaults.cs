using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using LabCharts.Jobs.Telemetry;

namespace LabCharts.Jobs.Hosting;

/// <summary>
/// What both web hosts (the API, and the worker when Cloud Run gives it a <c>PORT</c>) share: the
/// port, problem details with stable codes, logging, and the <c>/healthz/*</c> endpoints.
/// </summary>
public static class LabChartsHostDefaults
{
    /// <summary>
    /// Listen on <c>PORT</c> when set (WeChat Cloud Run's templates use 80), else on ASP.NET's own
    /// settings (<c>ASPNETCORE_URLS</c>/<c>HTTP_PORTS</c>, launch profile), else on
    /// <paramref name="fallbackUrl"/> (none: only the metrics port); and on <c>Telemetry:MetricsPort</c>
    /// when set. Problem details for every framework error, one line of log per entry with a UTC timestamp.
    /// </summary>
    public static WebApplicationBuilder AddLabChartsHostDefaults(this WebApplicationBuilder builder, string? fallbackUrl = "http://localhost:8080")
    {
        ArgumentNullException.ThrowIfNull(builder);
        // PORT (Cloud Run), else ASP.NET's own URLS/HTTP_PORTS, else the fallback; plus the metrics port
        // when /metrics is on (Telemetry:MetricsPort), which the gateway never forwards.
        var configuration = builder.Configuration;
        var port = configuration["PORT"];
        var metricsPort = configuration.GetValue("Telemetry:MetricsPort", 0);
        if (metricsPort > 0 && int.TryParse(port, out var servicePort) && servicePort == metricsPort)
        {
            throw new InvalidOperationException($"Telemetry:MetricsPort ({metricsPort}) must differ from PORT: /metrics is never served on the service port.");
        }
        // Without a fallback (a worker that only serves /metrics) ASP.NET's own URLS/HTTP_PORTS (the image's
        // 8080) are not bound either.
        var urls = !string.IsNullOrWhiteSpace(port) ? $"http://+:{port.Trim()}"
            : fallbackUrl is null ? null
            : !string.IsNullOrEmpty(configuration["URLS"]) ? configuration["URLS"]!
            : !string.IsNullOrEmpty(configuration["HTTP_PORTS"])
                ? string.Join(';', configuration["HTTP_PORTS"]!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://+:{p}"))
            : fallbackUrl;
        var listen = string.Join(';', new[] { urls, metricsPort > 0 ? $"http://+:{metricsPort}" : null }.Where(u => !string.IsNullOrEmpty(u)));
        if (listen.Length > 0)
        {
            builder.WebHost.UseUrls(listen);
        }

        builder.AddLabChartsLogging();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblemCodes.Add);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// One line of log per entry with a UTC timestamp (every host, with or without HTTP): plain text in
    /// Development, JSON elsewhere (or with <c>Logging:Console:FormatterName=json</c>).
    /// </summary>
    public static IHostApplicationBuilder AddLabChartsLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Every log line carries the trace and span it was written in (a job's, across API and worker).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (builder.Environment.IsDevelopment() && builder.Configuration["Logging:Console:FormatterName"] != "json")
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }
        else
        {
            // Production: one JSON object per line on stdout (Cloud Run's customLogs: stdout), with the
            // scopes: job id, batch id, owner (a hash of the caller, never the openid), trace and span.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        return builder;
    }

    /// <summary>Problem-details middleware and <c>/healthz/live</c> (the process answers) and <c>/healthz/ready</c> (its queue and storage answer).</summary>
    public static WebApplication UseLabChartsHostDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseLabChartsMetrics();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }

    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string ReadyTag = "ready";
}
