using System.Text.Json.Serialization;

namespace LabCharts.Jobs.Records;

/// <summary>One finished run of a job: the first, or a re-render of an admin batch.</summary>
/// <param name="At">When it finished.</param>
/// <param name="RenderVersion">The job's render version it produced.</param>
/// <param name="Status">How it ended.</param>
/// <param name="BatchId">The batch of a re-render; absent for the first run.</param>
/// <param name="ErrorCode">The error code of a failed run.</param>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobRun(DateTimeOffset At, int RenderVersion, JobStatus Status, string? BatchId = null, string? ErrorCode = null);
