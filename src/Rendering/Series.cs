using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering;

/// <summary>Something drawn in the plot area. Series with a label appear in the legend.</summary>
public abstract record Series
{
    /// <summary>How the series takes part in a render: look, range, drawing, legend sample.</summary>
    internal abstract IPlottable ToPlottable();

    /// <summary>Legend markup; null keeps the series out of the legend.</summary>
    public string? Label { get; init; }

    /// <summary>Colour; null takes <see cref="ChartPalette.ForIndex"/> of the series' position.</summary>
    public RgbColor? Color { get; init; }
}
