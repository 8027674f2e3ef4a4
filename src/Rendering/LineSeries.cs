namespace LabCharts.Rendering;

/// <summary>A polyline through points, in the given order.</summary>
public sealed record LineSeries : Series
{
    public required IReadOnlyList<DataPoint> Points { get; init; }
}
