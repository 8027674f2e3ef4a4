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
        // Students first: each lane is read on its own and takes only as many deliveries as its own
        // capacity allows — students up to every slot, batch jobs up to this share — and a taken
        // delivery waits for one of the shared slots. A batch job never holds a slot it is not
        // running in, and never stops students' deliveries from being taken; its CPU work runs at
        // the lowest priority (BatchCpu), so it never keeps a student's job from a core either.
        var batchSlots = batchOptions.Value.SlotsOf(concurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        await Task.WhenAll(
            ConsumeAsync(JobLane.Interactive, concurrency, slots, stoppingToken),
            ConsumeAsync(JobLane.Batch, batchSlots, slots, stoppingToken));
        logger.LogInformation("Job worker stopped");
    }

    /// <summary>
    /// Takes a lane's deliveries while the lane has capacity, runs each in a shared slot, and on
    /// shutdown stops taking and finishes the ones it holds (the host's shutdown timeout is the grace).
    /// </summary>
    private async Task ConsumeAsync(JobLane lane, int capacity, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        using var taken = new SemaphoreSlim(capacity, capacity);
        var running = new HashSet<Task>();
        try
        {
            await using var deliveries = source.ReadAllAsync(lane, capacity, stoppingToken).GetAsyncEnumerator(stoppingToken);
            while (true)
            {
                await taken.WaitAsync(stoppingToken);
                if (!await deliveries.MoveNextAsync())
                {
                    break;
                }
                var delivery = deliveries.Current;
                var task = Task.Run(() => RunAsync(delivery, taken, slots), CancellationToken.None);
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
            logger.LogInformation("Job worker stopping taking {Lane} jobs; finishing the ones in flight", lane);
        }
        Task[] inFlight;
        lock (running)
        {
            inFlight = [.. running];
        }
        await Task.WhenAll(inFlight);
    }

    // A delivery already taken is finished: neither the wait for a slot nor the job heeds the stopping token.
    private async Task RunAsync(JobDelivery delivery, SemaphoreSlim taken, SemaphoreSlim slots)
    {
        try
        {
            await slots.WaitAsync(CancellationToken.None);
            try
            {
                await HandleAsync(delivery, CancellationToken.None);
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            taken.Release();
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
