using LabCharts.Jobs.Records;
namespace LabCharts.Jobs.Views;

/// <summary>An artifact as clients see it: a short-lived signed URL, never a storage path.</summary>
public sealed record ArtifactView(string Name, string Format, string Url, DateTimeOffset? ExpiresAt, int Width, int Height, long Bytes);
