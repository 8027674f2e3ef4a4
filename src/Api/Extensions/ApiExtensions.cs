using LabCharts.Api.Apis;
using LabCharts.Api.Http;
using LabCharts.Api.Identity;
using LabCharts.Api.Limits;
using LabCharts.Api.OpenApi;
using LabCharts.Api.Push;
using LabCharts.Jobs;
using LabCharts.Jobs.Scheduling;
using LabCharts.Jobs.Telemetry;
using LabCharts.Jobs.RabbitMq;
using LabCharts.Jobs.S3;
using LabCharts.Processing;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LabCharts.Api.Extensions;

/// <summary>All of the API host's wiring, so <c>Program.cs</c> stays a few lines.</summary>
public static class ApiExtensions
{
    /// <summary>Services: the job plumbing, the embedded worker, identity, JSON, problems, OpenAPI, health.</summary>
    public static WebApplicationBuilder AddLabChartsApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddLabChartsHostDefaults();
        builder.AddLabChartsTelemetry("labcharts-api");
        builder.AddRabbitMq();
        builder.AddS3Storage();
        builder.AddLabChartsJobs();
        builder.AddJobCompletionSignal();
        builder.AddLabChartsScheduler();
        // Embedded default: with the in-process queue the worker pipeline runs in this process
        // (docs/architecture.md, "Embedded and distributed"); with RabbitMQ, workers are separate
        // processes unless Worker:Embedded says otherwise.
        var rabbit = builder.Configuration.UsesRabbitMq();
        if (builder.Configuration.GetValue("Worker:Embedded", !rabbit))
        {
            // In production with a broker the workers are their own service (Cloud Run scales and stops
            // API instances on requests alone; a worker inside one would stop with it).
            if (rabbit && !builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Worker:Embedded=true with RabbitMQ is for Development only: in production run src/Worker as its own service (docs/deploy.md).");
            }
            builder.AddJobWorker();
        }

        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<IdentityOptions>()
            .Configure(o =>
            {
                o.RequireGatewaySource = !development;
                o.AllowDevUser = development;
            })
            .BindConfiguration("Identity");
        services.AddOptions<ApiOptions>().BindConfiguration("Api")
            .Validate(o => o.MaxRequestBodyBytes > 0 && o.MaxWaitSeconds is >= 0 and <= 14 && o.RerenderScanWaitSeconds is >= 0 and <= 14,
                "Api limits out of range.")
            .ValidateOnStart();
        services.AddSingleton<GatewayIdentity>();
        services.AddSubmissionLimits();
        services.AddOptions<AdminOptions>().BindConfiguration("Admin");
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<JobViews>();
        services.AddOptions<PushOptions>().BindConfiguration("Push")
            .Validate(o => o.MaxConnections > 0 && o.MaxConnectionsPerUser > 0 && o.HeartbeatSeconds > 0 && o.AuthTimeoutSeconds > 0
                && o.SendQueueLimit > 0 && o.TicketLifetimeSeconds > 0 && o.MaxWatchIds > 0 && o.MaxClientMessageBytes >= 256,
                "Push limits must be positive (Push:MaxClientMessageBytes ≥ 256).")
            .ValidateOnStart();
        services.AddSingleton<PushTickets>();
        services.AddSingleton<PushHub>();
        services.AddHostedService(provider => provider.GetRequiredService<PushHub>());

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, LabChartsJson.Default);
            o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddOpenApi(o => o.AddOperationTransformer<JobRequestBodyTransformer>());
        return builder;
    }

    /// <summary>Middleware and routes.</summary>
    public static WebApplication MapLabChartsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseLabChartsHostDefaults();
        // WebSocket pings keep a socket open through proxies between the protocol's heartbeats, and a
        // client that answers none for 30 s is taken to be gone.
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20), KeepAliveTimeout = TimeSpan.FromSeconds(30) });

        // The web console (wwwroot: plain ES modules, no build step), served from the build output so
        // the same files answer under `dotnet run`, a published image and the tests.
        var console = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = console });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = console,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });

        app.UseRateLimiter();

        app.MapJobsApi();
        app.MapAdminApi();
        app.MapPushApi();
        app.MapExperimentsApi();
        app.MapTablesApi();
        app.MapFilesApi();
        app.MapPingApi();
        app.MapOpenApi("/openapi/v1.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "LabCharts v1");
            o.RoutePrefix = "docs";
            o.DocumentTitle = "LabCharts API";
        });
        return app;
    }
}
