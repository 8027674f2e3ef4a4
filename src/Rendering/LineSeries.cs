using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>A polyline through points, in the given order.</summary>
public sealed record LineSeries : Series
{
    public required IReadOnlyList<ChartPoint> Points { get; init; }

    /// <summary>Stroke pattern; null is solid.</summary>
    public LineDash? Dash { get; init; }

    internal override IPlottable ToPlottable() => new LinePlottable(this);
}
