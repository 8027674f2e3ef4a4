namespace LabCharts.Jobs.Batches;

/// <summary><c>Batches:*</c> — admin batch re-renders.</summary>
public sealed class BatchOptions
{
    /// <summary>Jobs published to the batch queue per second, at most.</summary>
    public double PublishRate { get; set; } = 200;

    /// <summary>
    /// The share of a worker's slots batch jobs may hold at once (0–1), so the rest stay free for
    /// students' jobs (which are also taken from the queue first).
    /// </summary>
    public double WorkerShare { get; set; } = 0.5;

    /// <summary>An optional re-render on a schedule (e.g. every night): off unless its schedule is set.</summary>
    public NightlyRerenderOptions Nightly { get; set; } = new();
}

/// <summary><c>Batches:Nightly:*</c> — a scheduled re-render of one filter.</summary>
public sealed class NightlyRerenderOptions
{
    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 0 2 * * ?</c>; empty turns it off.</summary>
    public string? Schedule { get; set; }

    /// <summary>Which jobs, as the admin endpoint takes them (experiments, owner, status; not dates).</summary>
    public RerenderBody Filter { get; set; } = new();
}
