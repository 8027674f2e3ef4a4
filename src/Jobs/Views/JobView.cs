using LabCharts.Jobs.Records;
namespace LabCharts.Jobs.Views;

/// <summary>A job as <c>GET /api/jobs/{id}</c> answers it, and as the render command writes <c>result.json</c>.</summary>
public sealed record JobView
{
    /// <summary>The job id.</summary>
    public required string Id { get; init; }

    /// <summary>queued · running · succeeded · failed.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>Catalogue id.</summary>
    public required string Experiment { get; init; }

    /// <summary>The request's title.</summary>
    public string? Title { get; init; }

    /// <summary>Where to poll.</summary>
    public string? StatusUrl { get; init; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Worker attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>The fit and derived quantities, when succeeded.</summary>
    public JobResult? Result { get; init; }

    /// <summary>Chart files with fresh signed URLs.</summary>
    public IReadOnlyList<ArtifactView> Artifacts { get; init; } = [];

    /// <summary>Why it failed.</summary>
    public JobErrorView? Error { get; init; }

    /// <summary>How many times the result and charts have been made (1, then one more per re-render).</summary>
    public int RenderVersion { get; init; }
}
