using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>Points singled out with a ring and a label above each (labels are moved apart so they never overlap).</summary>
public sealed record MarkedPointSeries : Series
{
    public required IReadOnlyList<MarkedPoint> Points { get; init; }

    internal override IPlottable ToPlottable() => new MarkedPointPlottable(this);
}
