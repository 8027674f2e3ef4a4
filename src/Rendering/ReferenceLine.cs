using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>A straight line across the whole plot at a fixed value (e.g. zero in a residual panel, a threshold), dashed by default.</summary>
public sealed record ReferenceLine : Series
{
    public required double Value { get; init; }

    /// <summary>True for a line x = Value, false for y = Value.</summary>
    public bool Vertical { get; init; }

    public LineDash Dash { get; init; } = LineDash.Dashed;

    internal override IPlottable ToPlottable() => new ReferenceLinePlottable(this);
}
