using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>
/// A curve y = f(x) (e.g. a fit), sampled across the plot's x range or [From, To]: adaptively, densely
/// where it bends and sparsely where it is straight. Where f throws or is not finite the curve has a gap.
/// </summary>
public sealed record FunctionSeries : Series
{
    public required Func<double, double> Function { get; init; }

    public double? From { get; init; }

    public double? To { get; init; }

    /// <summary>Stroke pattern; null takes the theme's pattern for the series' position.</summary>
    public LineDash? Dash { get; init; }

    internal override IPlottable ToPlottable() => new FunctionPlottable(this);
}
