using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
    /// <paramref name="fallbackUrl"/>. Problem details for every framework error, one line of log
    /// per entry with a UTC timestamp.
    /// </summary>
    public static WebApplicationBuilder AddLabChartsHostDefaults(this WebApplicationBuilder builder, string fallbackUrl = "http://localhost:8080")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var port = builder.Configuration["PORT"];
        if (!string.IsNullOrWhiteSpace(port))
        {
            builder.WebHost.UseUrls($"http://+:{port.Trim()}");
        }
        else if (string.IsNullOrEmpty(builder.Configuration["URLS"]) && string.IsNullOrEmpty(builder.Configuration["HTTP_PORTS"]))
        {
            builder.WebHost.UseUrls(fallbackUrl);
        }

        builder.AddLabChartsLogging();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = FrameworkProblemCodes.Add);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>One line of log per entry, with a UTC timestamp (every host, with or without HTTP).</summary>
    public static IHostApplicationBuilder AddLabChartsLogging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        return builder;
    }

    /// <summary>Problem-details middleware and <c>/healthz/live</c> (the process answers) and <c>/healthz/ready</c> (its queue and storage answer).</summary>
    public static WebApplication UseLabChartsHostDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }

    /// <summary>The tag of the checks <c>/healthz/ready</c> runs.</summary>
    public const string ReadyTag = "ready";
}
