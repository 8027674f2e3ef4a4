using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Layout;

/// <summary>One panel placed: its frame, y ticks and their measured labels, its y label, and its series with their plottables and looks.</summary>
internal sealed record PanelLayout(
    PlotArea Plot,
    Axis Y,
    IReadOnlyList<Series> Series,
    IReadOnlyList<IPlottable> Plottables,
    SeriesLook[] Looks,
    AxisTicks YTicks,
    IReadOnlyList<TextBlock> YTickLabels,
    TextBlock? YLabel)
{
    public bool IsMain { get; init; }
}
