using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>Measured points drawn as markers with x and y error bars (with caps).</summary>
public sealed record ScatterSeries : Series
{
    public required IReadOnlyList<ChartPoint> Points { get; init; }

    /// <summary>Marker shape; null takes the theme's shape for the series' position.</summary>
    public MarkerShape? Marker { get; init; }

    internal override IPlottable ToPlottable() => new ScatterPlottable(this);
}
