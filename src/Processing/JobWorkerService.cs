using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Messages;
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
    IOptions<BatchOptions> batchOptions,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.Value.EffectiveConcurrency;
        // Students first: the source hands out interactive deliveries before batch ones, and batch
        // jobs may hold at most this share of the slots, so slots stay free for students' jobs while a
        // large batch runs. (A batch delivery taken while the batch share is full waits for a batch
        // slot, and the next delivery is taken after it: a student's job then waits for at most one
        // batch job to finish.)
        var batchSlots = Math.Clamp((int)Math.Floor(concurrency * batchOptions.Value.WorkerShare), 1, concurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var batchGate = new SemaphoreSlim(batchSlots, batchSlots);
        var running = new HashSet<Task>();
        try
        {
            await using var deliveries = source.ReadAllAsync(concurrency, stoppingToken).GetAsyncEnumerator(stoppingToken);
            while (true)
            {
                await slots.WaitAsync(stoppingToken);
                if (!await deliveries.MoveNextAsync())
                {
                    break;
                }
                var delivery = deliveries.Current;
                var batch = delivery.Message.Lane == JobLane.Batch;
                if (batch)
                {
                    // A delivery already taken is finished, so this wait ignores the stopping token.
                    await batchGate.WaitAsync(CancellationToken.None);
                }
                var task = Task.Run(() => RunAsync(delivery, batch ? batchGate : null, slots), CancellationToken.None);
                lock (running)
                {
                    running.Add(task);
                }
                _ = task.ContinueWith(done =>
                {
                    lock (running)
                    {
                        running.Remove(done);
                    }
                }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Job worker stopping; finishing the jobs in flight");
        }
        Task[] inFlight;
        lock (running)
        {
            inFlight = [.. running];
        }
        await Task.WhenAll(inFlight);
    }

    // The job deliberately ignores the stopping token: a job already taken is finished.
    private async Task RunAsync(JobDelivery delivery, SemaphoreSlim? batchGate, SemaphoreSlim slots)
    {
        try
        {
            await HandleAsync(delivery, CancellationToken.None);
        }
        finally
        {
            batchGate?.Release();
            slots.Release();
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
