using System.Text.Json.Serialization;
namespace LabCharts.Jobs.Messages;

/// <summary>What travels on the queue: only ids; the request itself is read from storage.</summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
/// <param name="JobId">The job.</param>
/// <param name="Owner">Its owner (the storage folder, a hash of the caller).</param>
/// <param name="Lane">Interactive (a student's job) or batch (a re-render).</param>
/// <param name="BatchId">The re-render batch, for batch messages.</param>
/// <param name="TraceParent">
/// The submitter's span (W3C <c>traceparent</c>); sent in the message headers, never in the body.
/// </param>
public sealed record JobMessage(
    string JobId, string Owner, JobLane Lane = JobLane.Interactive, string? BatchId = null,
    [property: JsonIgnore] string? TraceParent = null);
