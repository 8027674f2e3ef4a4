using System.Diagnostics.Metrics;
using LabCharts.Jobs.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LabCharts.Jobs.Telemetry;

/// <summary>
/// <c>labcharts.queue.messages</c> and <c>labcharts.queue.consumers</c> per queue: the broker is asked
/// every 15 s (a passive declare per queue), and the gauges report the last answer, so a scrape never
/// waits on the broker. A host without a queue reports nothing.
/// </summary>
public sealed class QueueDepthGauges(IServiceProvider services) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private volatile IReadOnlyList<QueueDepth> _last = [];

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IQueueDepths>() is not { } depths)
        {
            return;
        }
        LabChartsTelemetry.Meter.CreateObservableGauge("labcharts.queue.messages",
            () => _last.Select(q => new Measurement<long>(q.Messages, new("queue", q.Name), new("lane", q.Lane))),
            "{message}", "Messages waiting in each queue (sampled every 15 s).");
        LabChartsTelemetry.Meter.CreateObservableGauge("labcharts.queue.consumers",
            () => _last.Where(q => q.Consumers is not null).Select(q => new Measurement<long>(q.Consumers!.Value, new("queue", q.Name), new("lane", q.Lane))),
            "{consumer}", "Consumers of each queue (sampled every 15 s).");
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                _last = await depths.GetAsync(stoppingToken);
            }
            catch (QueueUnavailableException)
            {
                _last = [];
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
