namespace LabCharts.Rendering;

/// <summary>A further panel under the main one, sharing its x axis (e.g. the residuals of a fit).</summary>
public sealed record Panel
{
    public required Axis Y { get; init; }

    public IReadOnlyList<Series> Series { get; init; } = [];

    /// <summary>Height relative to the main panel's (0.1…1).</summary>
    public double RelativeHeight { get; init; } = 0.35;
}
