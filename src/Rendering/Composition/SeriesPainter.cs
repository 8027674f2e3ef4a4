namespace LabCharts.Rendering.Composition;

/// <summary>Draws series inside the plot frame (clipped to it): curves and polylines first, markers above them.</summary>
internal static class SeriesPainter
{
    public static void Draw(RenderContext context, Chart chart, PlotArea plot)
    {
        var canvas = context.Canvas;
        canvas.Save();
        canvas.Rectangle(plot.Left, plot.Top, plot.Width, plot.Height);
        canvas.Clip();
        canvas.SetRoundLines(true);
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var color = ColorOf(chart.Series[i], i);
            switch (chart.Series[i])
            {
                case FunctionSeries function:
                    DrawCurve(context, plot, CurvePoints(function, plot), color, context.Style.CurveWidth);
                    break;
                case LineSeries line:
                    DrawCurve(context, plot, line.Points.Select(p => plot.ToPixel(p.X, p.Y)), color, context.Style.PolylineWidth);
                    break;
            }
        }

        canvas.SetRoundLines(false);
        for (var i = 0; i < chart.Series.Count; i++)
        {
            if (chart.Series[i] is ScatterSeries scatter)
            {
                DrawScatter(context, plot, scatter, ColorOf(scatter, i));
            }
        }

        canvas.Restore();
    }

    public static RgbColor ColorOf(Series series, int index) => series.Color ?? ChartPalette.ForIndex(index);

    /// <summary>The curve sampled every two pixels across [From, To] ∩ the x range; NaN where undefined.</summary>
    public static IEnumerable<PixelPoint> CurvePoints(FunctionSeries function, PlotArea plot)
    {
        var from = Math.Max(function.From ?? plot.XMin, plot.XMin);
        var to = Math.Min(function.To ?? plot.XMax, plot.XMax);
        if (!(to > from))
        {
            yield break;
        }

        var samples = Math.Max(2, (int)(plot.Width * (to - from) / (plot.XMax - plot.XMin) / 2));
        for (var i = 0; i <= samples; i++)
        {
            var x = from + ((to - from) * i / samples);
            yield return plot.ToPixel(x, DataRange.Evaluate(function.Function, x));
        }
    }

    /// <summary>Draws the marker shape used for a scatter series (also by the legend).</summary>
    public static void DrawMarker(RenderContext context, double x, double y, RgbColor color)
    {
        context.Canvas.SetColor(color);
        context.Canvas.Circle(x, y, context.Style.MarkerRadius);
        context.Canvas.Fill();
    }

    private static void DrawCurve(RenderContext context, PlotArea plot, IEnumerable<PixelPoint> points, RgbColor color, double width)
    {
        var canvas = context.Canvas;
        canvas.SetColor(color);
        canvas.SetLineWidth(width);
        var penDown = false;
        var limit = 10 * (plot.Width + plot.Height);
        foreach (var p in points)
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                penDown = false;
                continue;
            }

            // Far outside the frame the clip hides it anyway; keep Cairo's fixed-point coordinates in range.
            var (x, y) = (Math.Clamp(p.X, plot.Left - limit, plot.Right + limit), Math.Clamp(p.Y, plot.Top - limit, plot.Bottom + limit));
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
    }

    private static void DrawScatter(RenderContext context, PlotArea plot, ScatterSeries scatter, RgbColor color)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        canvas.SetColor(color);
        canvas.SetLineWidth(style.ErrorBarWidth);
        foreach (var point in scatter.Points.Where(IsFinite))
        {
            var centre = plot.ToPixel(point.X, point.Y);
            if (point.YError != 0)
            {
                var low = plot.ToPixel(point.X, point.Y - Math.Abs(point.YError)).Y;
                var high = plot.ToPixel(point.X, point.Y + Math.Abs(point.YError)).Y;
                canvas.MoveTo(centre.X, low);
                canvas.LineTo(centre.X, high);
                foreach (var y in (ReadOnlySpan<double>)[low, high])
                {
                    canvas.MoveTo(centre.X - style.CapHalfWidth, y);
                    canvas.LineTo(centre.X + style.CapHalfWidth, y);
                }
            }

            if (point.XError != 0)
            {
                var low = plot.ToPixel(point.X - Math.Abs(point.XError), point.Y).X;
                var high = plot.ToPixel(point.X + Math.Abs(point.XError), point.Y).X;
                canvas.MoveTo(low, centre.Y);
                canvas.LineTo(high, centre.Y);
                foreach (var x in (ReadOnlySpan<double>)[low, high])
                {
                    canvas.MoveTo(x, centre.Y - style.CapHalfWidth);
                    canvas.LineTo(x, centre.Y + style.CapHalfWidth);
                }
            }
        }

        canvas.Stroke();
        foreach (var point in scatter.Points.Where(IsFinite))
        {
            var centre = plot.ToPixel(point.X, point.Y);
            canvas.Circle(centre.X, centre.Y, style.MarkerRadius);
        }

        canvas.Fill();
    }

    private static bool IsFinite(DataPoint point) =>
        double.IsFinite(point.X) && double.IsFinite(point.Y) && double.IsFinite(point.XError) && double.IsFinite(point.YError);
}
