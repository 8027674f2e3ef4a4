using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>A polyline through the points in their order (a dense record such as Franck–Hertz's I–U curve).</summary>
internal sealed class LinePlottable(LineSeries series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.Lines;

    public bool IsCurve => false;

    public SeriesLook Look(LookSlots slots) => new(slots.NextColor(series), MarkerShape.Circle, series.Dash ?? LineDash.Solid);

    public void IncludeX(DataExtent x) => x.IncludeX(series.Points);

    public void IncludeY(DataExtent y, XWindow window) => y.IncludeY(series.Points);

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing) =>
        Obstacle.All(series.Points.Select(p => plot.ToPixel(p.X, p.Y)), Obstacle.CurveWeight * 3);

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels) =>
        StrokePainter.DrawPolyline(context, plot, series.Points.Select(p => plot.ToPixel(p.X, p.Y)), look, context.Style.PolylineWidth);

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell) =>
        StrokePainter.DrawLegendLine(context, look, context.Style.PolylineWidth, cell);
}
