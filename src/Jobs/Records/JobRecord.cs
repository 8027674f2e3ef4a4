using System.Text.Json.Serialization;
namespace LabCharts.Jobs.Records;

/// <summary>
/// <c>jobs/{owner}/{jobId}/record.json</c>: everything known about a job except the request itself.
/// </summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobRecord
{
    /// <summary>Time-ordered job id (see <see cref="Records.JobId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>The storage-safe owner key (a hash of app id and openid), never the raw openid.</summary>
    public required string Owner { get; init; }

    /// <summary>Catalogue id of the experiment.</summary>
    public required string Experiment { get; init; }

    /// <summary>The request's title, if any.</summary>
    public string? Title { get; init; }

    /// <summary>Where the job is in its lifecycle.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>When the request was accepted.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this record was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When a worker last started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When it reached a final state.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How many times a worker has started it.</summary>
    public int Attempts { get; init; }

    /// <summary>Why it failed.</summary>
    public JobError? Error { get; init; }

    /// <summary>The fit and derived quantities.</summary>
    public JobResult? Result { get; init; }

    /// <summary>Chart files in storage.</summary>
    public IReadOnlyList<StoredArtifact> Artifacts { get; init; } = [];

    /// <summary>How many times the job's result and charts have been made: 1 after the first run, one more after each re-render.</summary>
    public int RenderVersion { get; init; }

    /// <summary>The admin batch that last re-rendered the job, if any.</summary>
    public string? BatchId { get; init; }

    /// <summary>Every finished run of the job, oldest first: the first run and each re-render.</summary>
    public IReadOnlyList<JobRun> History { get; init; } = [];
}
