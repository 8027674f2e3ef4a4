using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>A curve y = f(x) sampled adaptively in pixel space over the plot's x range or [From, To].</summary>
internal sealed class FunctionPlottable(FunctionSeries series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.Lines;

    public bool IsCurve => true;

    public SeriesLook Look(LookSlots slots) => new(slots.NextColor(series), MarkerShape.Circle, series.Dash ?? slots.NextDash());

    public void IncludeX(DataExtent x)
    {
        x.Include(series.From ?? double.NaN);
        x.Include(series.To ?? double.NaN);
    }

    public void IncludeY(DataExtent y, XWindow window) => y.IncludeCurve(series.Function, series.From, series.To, window);

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing) =>
        Obstacle.All(CurveSampler.Even(series.Function, series.From, series.To, plot, spacing), Obstacle.CurveWeight);

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels) =>
        StrokePainter.DrawPolyline(context, plot, CurveSampler.Sample(series.Function, series.From, series.To, plot), look, context.Style.CurveWidth);

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell) =>
        StrokePainter.DrawLegendLine(context, look, context.Style.CurveWidth, cell);
}
