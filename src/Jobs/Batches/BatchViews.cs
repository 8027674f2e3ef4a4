using LabCharts.Jobs.Records;

namespace LabCharts.Jobs.Batches;

/// <summary><c>POST /api/admin/rerender</c>: which jobs, and whether only to count them.</summary>
public sealed record RerenderBody
{
    /// <summary>Catalogue ids; absent means every experiment.</summary>
    public List<string>? Experiments { get; init; }

    /// <summary>One owner's jobs (the owner key of storage).</summary>
    public string? Owner { get; init; }

    /// <summary>Created at or after (ISO 8601).</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Created before (ISO 8601).</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary><c>succeeded</c> (default) or <c>failed</c>.</summary>
    public JobStatus? Status { get; init; }

    /// <summary>Count the matching jobs and show the first 20; publish nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>
/// The answer to a batch that was started: <c>202</c>. <see cref="Total"/> is absent when the store
/// takes longer to scan than the API waits (<c>Api:RerenderScanWaitSeconds</c>): the batch's status has it then.
/// </summary>
public sealed record BatchAccepted(string BatchId, int? Total, string StatusUrl);

/// <summary>The answer to a dry run: <c>200</c>.</summary>
public sealed record BatchDryRun(int Total, IReadOnlyList<string> FirstJobIds);

/// <summary><c>GET /api/admin/batches/{id}</c>.</summary>
public sealed record BatchView
{
    /// <summary>The batch id.</summary>
    public required string Id { get; init; }

    /// <summary>scanning · running · succeeded · failed · cancelled.</summary>
    public required BatchState State { get; init; }

    /// <summary>Which jobs.</summary>
    public required BatchFilter Filter { get; init; }

    /// <summary>Who started it.</summary>
    public required string CreatedBy { get; init; }

    /// <summary>Matching jobs.</summary>
    public int Total { get; init; }

    /// <summary>Published to the batch queue.</summary>
    public int Published { get; init; }

    /// <summary>Re-rendered.</summary>
    public int Succeeded { get; init; }

    /// <summary>Whose re-render failed.</summary>
    public int Failed { get; init; }

    /// <summary>Skipped (cancelled, gone, already done).</summary>
    public int Skipped { get; init; }

    /// <summary>The first failures: job id and error code.</summary>
    public IReadOnlyList<BatchFailure> Failures { get; init; } = [];

    /// <summary>When it was asked for.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When publishing started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last job was processed, or the batch was cancelled or failed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Jobs processed per second since publishing started.</summary>
    public double? ThroughputPerSecond { get; init; }

    /// <summary>Seconds until every job is processed, at that rate.</summary>
    public double? EstimatedSecondsLeft { get; init; }

    /// <summary>Why the batch failed.</summary>
    public string? Error { get; init; }
}

/// <summary><c>GET /api/admin/batches</c>: newest first.</summary>
public sealed record BatchPage(IReadOnlyList<BatchView> Items, int Page, int PageSize, int Total);
