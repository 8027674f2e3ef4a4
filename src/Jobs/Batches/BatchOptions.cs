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

    /// <summary>
    /// The CPU niceness (0–19, Linux) of the threads that analyse and render batch jobs: at 19 (the
    /// default) the kernel gives batch work only the CPU time students' jobs and the servers leave
    /// over; 0 runs it at the same priority as everything else.
    /// </summary>
    public int Nice { get; set; } = 19;

    /// <summary>How many of <paramref name="concurrency"/> worker slots batch jobs may hold at once (at least 1).</summary>
    public int SlotsOf(int concurrency) => Math.Clamp((int)Math.Floor(concurrency * WorkerShare), 1, Math.Max(1, concurrency));

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
