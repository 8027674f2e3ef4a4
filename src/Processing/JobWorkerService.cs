using LabCharts.Jobs.Batches;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Queue;
using LabCharts.Jobs.Storage;
using LabCharts.Jobs.Telemetry;
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
    TimeProvider time,
    ILogger<JobWorkerService> logger) : BackgroundService
{
    private CancellationToken _stopping;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var concurrency = options.Value.EffectiveConcurrency;
        // Students first: each lane is read on its own and takes only as many deliveries as its own
        // capacity allows — students up to every slot, batch jobs up to this share — and a taken
        // delivery waits for one of the shared slots. A batch job never holds a slot it is not
        // running in, and never stops students' deliveries from being taken; its CPU work runs at
        // the lowest priority (BatchCpu), so it never keeps a student's job from a core either.
        var batchSlots = batchOptions.Value.SlotsOf(concurrency);
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var students = new StudentsAtWork();
        await Task.WhenAll(
            ConsumeAsync(JobLane.Interactive, concurrency, slots, students, stoppingToken),
            ConsumeAsync(JobLane.Batch, batchSlots, slots, students, stoppingToken));
        logger.LogInformation("Job worker stopped");
    }

    /// <summary>
    /// Takes a lane's deliveries while the lane has capacity, runs each in a shared slot, and on
    /// shutdown stops taking and finishes the ones it holds (the host's shutdown timeout is the grace).
    /// </summary>
    private async Task ConsumeAsync(JobLane lane, int capacity, SemaphoreSlim slots, StudentsAtWork students, CancellationToken stoppingToken)
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
                var task = Task.Run(() => RunAsync(delivery, lane, taken, slots, students), CancellationToken.None);
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
    /// <summary>How long a batch job waits at most for a moment without students' jobs.</summary>
    internal static TimeSpan StudentsFirstLimit { get; } = TimeSpan.FromSeconds(10);

    // A batch job starts only while no student's job is running here: the batch yields the CPU, the
    // storage and the broker to the student for the few tens of milliseconds their job takes.
    private async Task RunAsync(JobDelivery delivery, JobLane lane, SemaphoreSlim taken, SemaphoreSlim slots, StudentsAtWork students)
    {
        try
        {
            if (lane == JobLane.Batch)
            {
                // Bounded: under students' load that never pauses, a batch job still starts (at its low
                // CPU priority) rather than sit unacknowledged until the broker's consumer timeout.
                await students.WhenNoneAsync().WaitAsync(StudentsFirstLimit).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            await slots.WaitAsync(CancellationToken.None);
            using var student = lane == JobLane.Interactive ? students.Enter() : null;
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
        var message = delivery.Message;
        // The job's span continues the submitter's trace; every log line of it names the job (the owner
        // is the storage folder, a hash of the caller, never the openid).
        using var span = LabChartsTelemetry.StartProcessing(message, delivery.DeliveryCount);
        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["JobId"] = message.JobId,
            ["Owner"] = message.Owner,
            ["BatchId"] = message.BatchId,
        });
        JobOutcome outcome;
        var hold = TimeSpan.FromSeconds(0.5);
        var outageSince = time.GetUtcNow();
        var held = false;
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var processor = scope.ServiceProvider.GetRequiredService<JobProcessor>();
                outcome = await processor.ProcessAsync(delivery.Message, delivery.DeliveryCount, cancellationToken, again: held);
                break;
            }
            catch (StorageUnavailableException error)
                when (!_stopping.IsCancellationRequested && time.GetUtcNow() - outageSince < options.Value.StorageOutageHold)
            {
                // Storage is down, nothing is wrong with the job: hold the delivery and try again here,
                // so an outage uses up neither the job's attempts nor the broker's delivery limit.
                logger.Log(error.Refused ? LogLevel.Error : LogLevel.Warning, "Storage unavailable for job {JobId} ({Reason}); trying again in {Delay} s",
                    message.JobId, error.Message, hold.TotalSeconds);
                try
                {
                    await Task.Delay(hold, time, _stopping);
                }
                catch (OperationCanceledException)
                {
                    // Stopping: the next round gives the message back.
                }
                hold = TimeSpan.FromSeconds(Math.Min(10, hold.TotalSeconds * 2));
                held = true;
            }
            catch (Exception error)
            {
                // Even recording the failure failed (or the outage outlasted the hold, or the worker is
                // stopping): give the message back to try again.
                logger.LogError(error, "Job {JobId} could not be processed; retrying", delivery.Message.JobId);
                outcome = JobOutcome.Retry;
                break;
            }
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

    /// <summary>How many students' jobs are running in this worker, and a wait for there to be none.</summary>
    private sealed class StudentsAtWork : IDisposable
    {
        private readonly Lock _gate = new();
        private int _running;
        private TaskCompletionSource _none = NewSignal(set: true);

        /// <summary>Completes when no student's job is running (at once if none is).</summary>
        public Task WhenNoneAsync()
        {
            lock (_gate)
            {
                return _none.Task;
            }
        }

        /// <summary>Counts a student's job as running until the result is disposed.</summary>
        public IDisposable Enter()
        {
            lock (_gate)
            {
                if (_running++ == 0)
                {
                    _none = NewSignal(set: false);
                }
            }
            return new Exit(this);
        }

        public void Dispose() => _none.TrySetResult();

        private void Leave()
        {
            lock (_gate)
            {
                if (--_running == 0)
                {
                    _none.TrySetResult();
                }
            }
        }

        private static TaskCompletionSource NewSignal(bool set)
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (set)
            {
                signal.SetResult();
            }
            return signal;
        }

        private sealed class Exit(StudentsAtWork owner) : IDisposable
        {
            private int _done;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    owner.Leave();
                }
            }
        }
    }
}
