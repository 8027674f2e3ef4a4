using LabCharts.Jobs;
using LabCharts.Worker.Commands;
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
        builder.AddLabChartsJobs();
        builder.AddJobWorker();
        await builder.Build().RunAsync();
        return 0;
    }
}
