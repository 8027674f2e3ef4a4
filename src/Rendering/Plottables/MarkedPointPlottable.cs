using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>
/// Marked points (e.g. Franck–Hertz peaks): a ring round the point, a short leader and the label above
/// it (below when there is no room). A label that would overlap an earlier one moves up a row. Drawn
/// above the frame; its label boxes are kept free by the legend and annotations.
/// </summary>
internal sealed class MarkedPointPlottable(MarkedPointSeries series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.Marks;

    public bool IsCurve => false;

    public SeriesLook Look(LookSlots slots) => new(slots.NextColor(series), MarkerShape.Circle, LineDash.Solid);

    public void IncludeX(DataExtent x)
    {
        foreach (var p in series.Points)
        {
            x.Include(p.X);
        }
    }

    public void IncludeY(DataExtent y, XWindow window)
    {
        foreach (var p in series.Points)
        {
            y.Include(p.Y);
        }
    }

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing) =>
        Obstacle.All(series.Points.Select(p => plot.ToPixel(p.X, p.Y)), Obstacle.MarkerWeight);

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        var ring = style.MarkerRadius * 1.7;
        foreach (var point in series.Points)
        {
            var p = plot.ToPixel(point.X, point.Y);
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y) || !plot.Contains(p))
            {
                continue;
            }

            canvas.SetColor(look.Color);
            canvas.SetLineWidth(style.MarkerOutlineWidth);
            canvas.Circle(p.X, p.Y, ring);
            canvas.Stroke();
            if (string.IsNullOrWhiteSpace(point.Label))
            {
                continue;
            }

            var text = context.Text(point.Label, new Interop.TextStyle(style.MarkLabelSize));
            var box = Place(plot, p, ring + (10 * style.Unit), text, labels, style.Unit);
            var leaderEnd = box.Y > p.Y ? box.Y : box.Y + box.Height;
            var leaderStart = box.Y > p.Y ? p.Y + ring : p.Y - ring;
            canvas.SetLineWidth(Math.Max(1, style.Unit));
            canvas.MoveTo(p.X, leaderStart);
            canvas.LineTo(Math.Clamp(p.X, box.X, box.X + box.Width), leaderEnd);
            canvas.Stroke();
            context.Draw(text, box.X, box.Y, style.Ink);
            labels.Add(box);
        }
    }

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        canvas.SetColor(look.Color);
        canvas.SetLineWidth(style.MarkerOutlineWidth);
        canvas.Circle(cell.CentreX, cell.Middle, style.MarkerRadius * 1.7);
        canvas.Stroke();
    }

    private static PixelBox Place(PlotArea plot, PixelPoint p, double offset, Interop.TextBlock text, List<PixelBox> taken, double unit)
    {
        var x = Math.Clamp(p.X - (text.Width / 2), plot.Left + (2 * unit), Math.Max(plot.Left + (2 * unit), plot.Right - text.Width - (2 * unit)));
        var rowGap = 2 * unit;
        for (var row = 0; row < 4; row++)
        {
            var above = new PixelBox(x, p.Y - offset - text.Height - (row * (text.Height + rowGap)), text.Width, text.Height);
            if (above.Y >= plot.Top && !taken.Any(above.Intersects))
            {
                return above;
            }

            var below = new PixelBox(x, p.Y + offset + (row * (text.Height + rowGap)), text.Width, text.Height);
            if (below.Y + below.Height <= plot.Bottom && !taken.Any(below.Intersects))
            {
                return below;
            }
        }

        return new PixelBox(x, Math.Max(plot.Top, p.Y - offset - text.Height), text.Width, text.Height);
    }
}
