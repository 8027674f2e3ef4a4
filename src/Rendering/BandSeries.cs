using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>
/// A filled band between two curves, e.g. the 95 % confidence band of a fit. Drawn beneath every
/// other series. Without a colour of its own it takes the colour of the nearest curve in the series list.
/// </summary>
public sealed record BandSeries : Series
{
    public required Func<double, double> Lower { get; init; }

    public required Func<double, double> Upper { get; init; }

    public double? From { get; init; }

    public double? To { get; init; }

    /// <summary>Fill opacity, 0…1.</summary>
    public double Opacity { get; init; } = 0.22;

    internal override IPlottable ToPlottable() => new BandPlottable(this);
}
