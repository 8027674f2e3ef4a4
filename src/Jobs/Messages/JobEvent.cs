using System.Text.Json.Serialization;
namespace LabCharts.Jobs.Messages;

/// <summary>
/// One transition of a job, announced on the job-events port after it is durably stored. Events are
/// notifications, not the truth: a subscriber that must know a job's state reads its record.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="Owner">The storage-safe owner key (never the openid).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Status">The job's status after the transition.</param>
/// <param name="At">When the transition was stored.</param>
/// <param name="ErrorCode">The stable error code of a failed job.</param>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobEvent(
    string JobId,
    string Owner,
    JobEventKind Kind,
    Records.JobStatus Status,
    DateTimeOffset At,
    string? ErrorCode = null)
{
    /// <summary>True when the job has reached a final state (a waiter can stop waiting).</summary>
    public bool IsFinal => Status is Records.JobStatus.Succeeded or Records.JobStatus.Failed;
}
