using LabCharts.Jobs.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LabCharts.Processing;

/// <summary>
/// Consumes the queue with bounded concurrency, one DI scope per message, and settles each delivery
/// only after the processor has durably stored the outcome. On shutdown it stops taking messages and
/// lets the ones in flight finish (the host's shutdown timeout is the grace period).
/// </summary>
public sealed class JobWorkerService(
    IJobDeliverySource source,
    IServiceScopeFactory scopes,
    IOptions<WorkerOptions> options,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.EffectiveConcurrency,
            CancellationToken = stoppingToken,
        };
        try
        {
            // The body deliberately ignores the stopping token: a job already taken is finished.
            await Parallel.ForEachAsync(source.ReadAllAsync(options.Value.EffectiveConcurrency, stoppingToken), parallel,
                async (delivery, _) => await HandleAsync(delivery, CancellationToken.None));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Job worker stopped");
        }
    }

    private async Task HandleAsync(JobDelivery delivery, CancellationToken cancellationToken)
    {
        JobOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();
            outcome = await processor.ProcessAsync(delivery.Message, delivery.DeliveryCount, cancellationToken);
        }
        catch (Exception error)
        {
            // Even recording the failure failed (storage down): keep the message and try again.
            logger.LogError(error, "Job {JobId} could not be processed; retrying", delivery.Message.JobId);
            outcome = JobOutcome.Retry;
        }

        if (outcome == JobOutcome.Done)
        {
            await delivery.AckAsync(cancellationToken);
            return;
        }
        await Task.Delay(RetryDelay(delivery.DeliveryCount), cancellationToken);
        await delivery.RetryAsync(cancellationToken);
    }

    /// <summary>Exponential backoff: 0.2 s, 0.4 s, 0.8 s … capped at 10 s.</summary>
    internal static TimeSpan RetryDelay(int deliveryCount) =>
        TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, Math.Max(0, deliveryCount - 1))));
}
