using LabCharts.Rendering.Report;

namespace LabCharts.Rendering;

/// <summary>A chart drawn as vectors at the full text width (narrower only when it would not fit a page); it moves to the next page rather than split.</summary>
public sealed record ReportChart : ReportBlock
{
    /// <summary>The chart, drawn as in <see cref="ChartRenderer.Render"/> (default theme) at 1000 px across, scaled into the box so that its smallest text is 7 pt.</summary>
    public required Chart Chart { get; init; }

    /// <summary>Height / width of the chart's box, 0.2…3.</summary>
    public double AspectRatio { get; init; } = 0.75;

    internal override IFlowable ToFlowable() => new ChartFlowable(this);
}
