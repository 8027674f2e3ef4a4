using LabCharts.Jobs;
using LabCharts.Jobs.Hosting;
using LabCharts.Jobs.RabbitMq;
using LabCharts.Jobs.S3;
using LabCharts.Jobs.Telemetry;
using LabCharts.Processing;
using LabCharts.Worker.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Worker;

/// <summary>
/// The worker host: consumes the queue, or with <c>render</c> processes request files with no server,
/// or with <c>rerender</c> runs an admin batch re-render from the shell.
/// With <c>PORT</c> set it also answers <c>/healthz/live</c> and <c>/healthz/ready</c> there, because
/// WeChat Cloud Run counts an instance as started only once its port answers.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "render")
        {
            return await RenderCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
        }
        if (args.Length > 0 && args[0] == "rerender")
        {
            return await RerenderCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
        }

        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        if (!configuration.UsesRabbitMq())
        {
            // With the in-process queue the API hosts the workers itself; a separate worker would wait forever.
            await Console.Error.WriteLineAsync(
                "The worker consumes RabbitMQ: set Queue__RabbitMq__Uri (and Storage__S3__* to share storage with the API).\n"
                + "Without them, run the API alone (it hosts the worker), or use: render <request.json>... --out <dir>");
            return 2;
        }

        // HTTP only for Cloud Run's port probe (PORT) or Prometheus (Telemetry:MetricsPort).
        if (string.IsNullOrWhiteSpace(configuration["PORT"]) && configuration.MetricsPort() == 0)
        {
            var host = Host.CreateApplicationBuilder(args);
            host.AddLabChartsLogging();
            AddWorker(host);
            await host.Build().RunAsync();
            return 0;
        }

        var web = WebApplication.CreateBuilder(args);
        web.AddLabChartsHostDefaults(fallbackUrl: null);
        AddWorker(web);
        var app = web.Build();
        app.UseLabChartsHostDefaults();
        await app.RunAsync();
        return 0;
    }

    private static void AddWorker(IHostApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Worker:ShutdownGrace", TimeSpan.FromSeconds(30)));
        builder.AddRabbitMq();
        builder.AddS3Storage();
        builder.AddLabChartsJobs();
        builder.AddJobWorker();
        builder.AddLabChartsTelemetry("labcharts-worker");
    }
}
