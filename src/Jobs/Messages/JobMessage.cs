using System.Text.Json.Serialization;
namespace LabCharts.Jobs.Messages;

/// <summary>What travels on the queue: only ids; the request itself is read from storage.</summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobMessage(string JobId, string Owner, JobLane Lane = JobLane.Interactive, string? BatchId = null);
