using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>Strokes shared by the line-like series: stroke settings, polylines with gaps, the legend's line sample.</summary>
internal static class StrokePainter
{
    /// <summary>Sets colour, width and dash (round caps for dots) for a stroke.</summary>
    public static void SetStroke(RenderContext context, RgbColor color, double width, LineDash dash)
    {
        var canvas = context.Canvas;
        canvas.SetColor(color);
        canvas.SetLineWidth(width);
        canvas.SetRoundLines(true);
        canvas.SetDash(context.Style.DashPattern(dash, width));
    }

    /// <summary>A polyline through pixel points; a non-finite point lifts the pen (a gap).</summary>
    public static void DrawPolyline(RenderContext context, PlotArea plot, IEnumerable<PixelPoint> points, SeriesLook look, double width)
    {
        var canvas = context.Canvas;
        SetStroke(context, look.Color, width, look.Dash);
        var penDown = false;
        foreach (var p in points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                penDown = false;
                continue;
            }

            var (x, y) = KeepInRange(p, plot);
            if (penDown)
            {
                canvas.LineTo(x, y);
            }
            else
            {
                canvas.MoveTo(x, y);
                penDown = true;
            }
        }

        canvas.Stroke();
        canvas.SetDash([]);
    }

    /// <summary>The legend sample of a line: a stroke across the cell.</summary>
    public static void DrawLegendLine(RenderContext context, SeriesLook look, double width, LegendCell cell)
    {
        var canvas = context.Canvas;
        SetStroke(context, look.Color, width, look.Dash);
        canvas.MoveTo(cell.Left, cell.Middle);
        canvas.LineTo(cell.Left + cell.Width, cell.Middle);
        canvas.Stroke();
        canvas.SetDash([]);
    }

    /// <summary>Far outside the frame the clip hides a point anyway; keeps Cairo's fixed-point coordinates in range.</summary>
    public static (double X, double Y) KeepInRange(PixelPoint p, PlotArea plot)
    {
        var limit = 10 * (plot.Width + plot.Height);
        return (Math.Clamp(p.X, plot.Left - limit, plot.Right + limit), Math.Clamp(p.Y, plot.Top - limit, plot.Bottom + limit));
    }
}
