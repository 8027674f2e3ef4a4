using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Batches;

/// <summary>
/// <c>batches/{id}.json</c>: a batch as its publisher writes it. Only the process that publishes
/// the batch writes this object; workers write their own progress objects and an admin's cancel is
/// a marker of its own, so no two writers ever share an object.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record BatchRecord
{
    /// <summary>Time-ordered id (same form as a job id).</summary>
    public required string Id { get; init; }

    /// <summary>Which jobs.</summary>
    public required BatchFilter Filter { get; init; }

    /// <summary>The publisher's state: scanning, running, or failed; the final states are derived (see <see cref="BatchView"/>).</summary>
    public required BatchState State { get; init; }

    /// <summary>Who asked for it (the audit's "who").</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was asked for.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When publishing started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When publishing ended (the batch is finished once workers have processed everything published).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Matching jobs.</summary>
    public int Total { get; init; }

    /// <summary>Jobs published to the batch queue so far.</summary>
    public int Published { get; init; }

    /// <summary>Why the batch failed.</summary>
    public string? Error { get; init; }
}

/// <summary>One matching job of a batch: <c>batch-runs/{id}/jobs.json</c> lists them in publishing order.</summary>
public sealed record BatchJob(string Owner, string JobId);

/// <summary>
/// <c>batch-runs/{id}/progress/{worker}.json</c>: what one worker process did for a batch. One writer
/// each, so no increment is ever lost; the batch's counts are their sums.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record BatchProgress
{
    /// <summary>Jobs re-rendered.</summary>
    public int Succeeded { get; init; }

    /// <summary>Jobs whose re-render failed.</summary>
    public int Failed { get; init; }

    /// <summary>Jobs skipped: the batch was cancelled, the job was gone, or it was already done.</summary>
    public int Skipped { get; init; }

    /// <summary>The first failures.</summary>
    public IReadOnlyList<BatchFailure> Failures { get; init; } = [];

    /// <summary>When this worker last finished one of the batch's jobs.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>A job whose re-render failed, and why.</summary>
public sealed record BatchFailure(string JobId, string Code);

/// <summary>
/// <c>batch-runs/{id}/publisher.json</c>: which process publishes the batch, renewed every second. A
/// lease not renewed for <see cref="BatchService.LeaseLifetime"/> is taken over by another API
/// process, which carries on from the last recorded position.
/// </summary>
/// <param name="Holder">The publishing process's instance id.</param>
/// <param name="RenewedAt">When it last renewed the lease.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record BatchLease(string Holder, DateTimeOffset RenewedAt);
