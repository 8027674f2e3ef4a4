namespace LabCharts.Processing;

/// <summary><c>Worker:*</c> — the consuming side.</summary>
public sealed class WorkerOptions
{
    /// <summary>Jobs processed at once (and the prefetch); 0 means the core count.</summary>
    public int Concurrency { get; set; }

    /// <summary>Deliveries of one job before it ends <c>failed</c>.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long a worker holds a delivery while storage does not answer, trying again with backoff
    /// (0.5 s doubling to 10 s), before it gives the message back to the queue.
    /// </summary>
    public TimeSpan StorageOutageHold { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The concurrency to use.</summary>
    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Environment.ProcessorCount;
}
