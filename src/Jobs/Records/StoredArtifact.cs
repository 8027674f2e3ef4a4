using System.Text.Json.Serialization;
namespace LabCharts.Jobs.Records;

/// <summary>A chart file of a job, as stored; clients see it as an <see cref="ArtifactView"/>.</summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record StoredArtifact(string Name, string Format, string Key, string ContentType, int Width, int Height, long Bytes);
