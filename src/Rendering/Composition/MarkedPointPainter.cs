using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Marked points (e.g. Franck–Hertz peaks): a ring round the point, a short leader and the label above
/// it (below when there is no room). A label that would overlap an earlier one moves up a row.
/// </summary>
internal static class MarkedPointPainter
{
    /// <summary>Draws every marked point of the panel and returns the label boxes (the legend keeps off them).</summary>
    public static List<PixelBox> Draw(RenderContext context, PanelLayout panel)
    {
        var boxes = new List<PixelBox>();
        var (canvas, style, plot) = (context.Canvas, context.Style, panel.Plot);
        for (var s = 0; s < panel.Series.Count; s++)
        {
            if (panel.Series[s] is not MarkedPointSeries marked)
            {
                continue;
            }

            var color = panel.Looks[s].Color;
            var ring = style.MarkerRadius * 1.7;
            foreach (var point in marked.Points)
            {
                var p = plot.ToPixel(point.X, point.Y);
                if (!double.IsFinite(p.X) || !double.IsFinite(p.Y) || !plot.Contains(p))
                {
                    continue;
                }

                canvas.SetColor(color);
                canvas.SetLineWidth(style.MarkerOutlineWidth);
                canvas.Circle(p.X, p.Y, ring);
                canvas.Stroke();
                if (string.IsNullOrWhiteSpace(point.Label))
                {
                    continue;
                }

                var text = context.Text(point.Label, new TextStyle(style.MarkLabelSize));
                var box = Place(plot, p, ring + (10 * style.Unit), text, boxes, style.Unit);
                var leaderEnd = box.Y > p.Y ? box.Y : box.Y + box.Height;
                var leaderStart = box.Y > p.Y ? p.Y + ring : p.Y - ring;
                canvas.SetLineWidth(Math.Max(1, style.Unit));
                canvas.MoveTo(p.X, leaderStart);
                canvas.LineTo(Math.Clamp(p.X, box.X, box.X + box.Width), leaderEnd);
                canvas.Stroke();
                context.Draw(text, box.X, box.Y, style.Ink);
                boxes.Add(box);
            }
        }

        return boxes;
    }

    private static PixelBox Place(PlotArea plot, PixelPoint p, double offset, TextBlock text, List<PixelBox> taken, double unit)
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
