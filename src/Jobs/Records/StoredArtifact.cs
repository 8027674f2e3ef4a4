namespace LabCharts.Jobs.Records;

/// <summary>A chart file of a job, as stored; clients see it as an <see cref="ArtifactView"/>.</summary>
public sealed record StoredArtifact(string Name, string Format, string Key, string ContentType, int Width, int Height, long Bytes);
