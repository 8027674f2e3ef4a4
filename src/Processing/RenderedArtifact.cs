namespace LabCharts.Processing;

/// <summary>A chart file made by the pipeline, not yet stored.</summary>
public sealed record RenderedArtifact(string Name, string Format, string ContentType, byte[] Content, int Width, int Height)
{
    /// <summary>File name in the job's folder: <c>chart.png</c>.</summary>
    public string FileName => $"{Name}.{Format}";
}
