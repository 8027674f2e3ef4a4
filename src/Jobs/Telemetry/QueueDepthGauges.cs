using System.Diagnostics.Metrics;
using LabCharts.Jobs.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LabCharts.Jobs.Telemetry;

/// <summary>
/// <c>labcharts.queue.messages</c> and <c>labcharts.queue.consumers</c> per queue: the broker is asked
/// every 15 s (a passive declare per queue), and the gauges report the last answer, so a scrape never
/// waits on the broker. A host without a queue reports nothing.
/// </summary>
public sealed class QueueDepthGauges(IServiceProvider services, ILogger<QueueDepthGauges> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    // One set of gauges per process (the meter is static), reporting the latest sample of any host in it.
    private static volatile IReadOnlyList<QueueDepth> s_last = [];
    private static readonly Lazy<bool> Gauges = new(() =>
    {
        LabChartsTelemetry.Meter.CreateObservableGauge("labcharts.queue.messages",
            () => s_last.Select(q => new Measurement<long>(q.Messages, new("queue", q.Name), new("lane", q.Lane))),
            "{message}", "Messages waiting in each queue (sampled every 15 s).");
        LabChartsTelemetry.Meter.CreateObservableGauge("labcharts.queue.consumers",
            () => s_last.Where(q => q.Consumers is not null).Select(q => new Measurement<long>(q.Consumers!.Value, new("queue", q.Name), new("lane", q.Lane))),
            "{consumer}", "Consumers of each queue (sampled every 15 s).");
        return true;
    });

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IQueueDepths>() is not { } depths)
        {
            return;
        }
        _ = Gauges.Value;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                s_last = await depths.GetAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A sample lost is no reason to stop the host: report nothing until the broker answers.
                s_last = [];
                logger.LogDebug("Queue depths not sampled: {Reason}", error.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
