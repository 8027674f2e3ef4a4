namespace LabCharts.Rendering;

/// <summary>Measured points drawn as filled circles with x and y error bars.</summary>
public sealed record ScatterSeries : Series
{
    public required IReadOnlyList<DataPoint> Points { get; init; }
}
