namespace LabCharts.Jobs.Batches;

/// <summary><c>Batches:*</c> — admin batch re-renders.</summary>
public sealed class BatchOptions
{
    /// <summary>Jobs published to the batch queue per second, at most (students' jobs never wait behind them).</summary>
    public double PublishRate { get; set; } = 200;

    /// <summary>The share of a worker's slots batch jobs may hold at once (0–1); interactive jobs always get the rest.</summary>
    public double WorkerShare { get; set; } = 0.5;
}
