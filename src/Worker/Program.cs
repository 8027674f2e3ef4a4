using LabCharts.Jobs;
using LabCharts.Worker.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Worker;

/// <summary>
/// The worker host: consumes the queue, or with <c>render</c> processes request files with no server.
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

        var builder = Host.CreateApplicationBuilder(args);
        if (!builder.Configuration.UsesRabbitMq())
        {
            // With the in-process queue the API hosts the workers itself; a separate worker would wait forever.
            await Console.Error.WriteLineAsync(
                "The worker consumes RabbitMQ: set Queue__RabbitMq__Uri (and Storage__S3__* to share storage with the API).\n"
                + "Without them, run the API alone (it hosts the worker), or use: render <request.json>... --out <dir>");
            return 2;
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = builder.Configuration.GetValue("Worker:ShutdownGrace", TimeSpan.FromSeconds(30)));
        builder.AddLabChartsJobs();
        builder.AddJobWorker();
        await builder.Build().RunAsync();
        return 0;
    }
}
