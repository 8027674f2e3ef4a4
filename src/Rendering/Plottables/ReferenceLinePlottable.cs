using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>A straight line across the whole frame at a fixed x or y, snapped to whole pixels.</summary>
internal sealed class ReferenceLinePlottable(ReferenceLine series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.ReferenceLines;

    public bool IsCurve => false;

    public SeriesLook Look(LookSlots slots) => new(slots.Own(series) ?? slots.Theme.Reference, MarkerShape.Circle, series.Dash);

    public void IncludeX(DataExtent x)
    {
        if (series.Vertical)
        {
            x.Include(series.Value);
        }
    }

    public void IncludeY(DataExtent y, XWindow window)
    {
        if (!series.Vertical)
        {
            y.Include(series.Value);
        }
    }

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing) => [];

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels)
    {
        var w = context.Style.ReferenceWidth;
        StrokePainter.SetStroke(context, look.Color, w, look.Dash);
        if (series.Vertical)
        {
            var x = ChartStyle.Snap(plot.PixelX(series.Value), w);
            context.Canvas.MoveTo(x, plot.Top);
            context.Canvas.LineTo(x, plot.Bottom);
        }
        else
        {
            var y = ChartStyle.Snap(plot.PixelY(series.Value), w);
            context.Canvas.MoveTo(plot.Left, y);
            context.Canvas.LineTo(plot.Right, y);
        }

        context.Canvas.Stroke();
        context.Canvas.SetDash([]);
    }

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell) =>
        StrokePainter.DrawLegendLine(context, look, context.Style.ReferenceWidth, cell);
}
