using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Draws one panel's series inside its frame (clipped to it), bottom to top: bands, reference lines,
/// curves and polylines, error bars and markers, marked points.
/// </summary>
internal static class SeriesPainter
{
    public static void Draw(RenderContext context, PanelLayout panel)
    {
        var (canvas, plot, series, looks) = (context.Canvas, panel.Plot, panel.Series, panel.Looks);
        canvas.Save();
        canvas.Rectangle(plot.Left, plot.Top, plot.Width, plot.Height);
        canvas.Clip();
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is BandSeries band)
            {
                DrawBand(context, plot, band, looks[i].Color);
            }
        }

        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is ReferenceLine reference)
            {
                DrawReference(context, plot, reference, looks[i]);
            }
        }

        for (var i = 0; i < series.Count; i++)
        {
            switch (series[i])
            {
                case FunctionSeries function:
                    DrawPolyline(context, plot, CurveSampler.Sample(function.Function, function.From, function.To, plot), looks[i], context.Style.CurveWidth);
                    break;
                case LineSeries line:
                    DrawPolyline(context, plot, line.Points.Select(p => plot.ToPixel(p.X, p.Y)), looks[i], context.Style.PolylineWidth);
                    break;
            }
        }

        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is ScatterSeries scatter)
            {
                DrawScatter(context, plot, scatter, looks[i]);
            }
        }

        canvas.Restore();
    }

    /// <summary>Sets colour, width and dash (round caps for dots) for a stroke.</summary>
    public static void SetStroke(RenderContext context, RgbColor color, double width, LineDash dash)
    {
        var canvas = context.Canvas;
        canvas.SetColor(color);
        canvas.SetLineWidth(width);
        canvas.SetRoundLines(true);
        canvas.SetDash(context.Style.DashPattern(dash, width));
    }

    private static void DrawBand(RenderContext context, PlotArea plot, BandSeries band, RgbColor color)
    {
        var upper = CurveSampler.Sample(band.Upper, band.From, band.To, plot);
        var lower = CurveSampler.Sample(band.Lower, band.From, band.To, plot);
        var canvas = context.Canvas;
        var limit = 10 * (plot.Width + plot.Height);
        var started = false;

        // One polygon: along the upper curve, back along the lower one; undefined points are skipped.
        foreach (var p in upper.Concat(Enumerable.Reverse(lower)))
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                continue;
            }

            var (x, y) = (Math.Clamp(p.X, plot.Left - limit, plot.Right + limit), Math.Clamp(p.Y, plot.Top - limit, plot.Bottom + limit));
            if (started)
            {
                canvas.LineTo(x, y);
            }
            else
            {
                canvas.MoveTo(x, y);
                started = true;
            }
        }

        if (started)
        {
            canvas.ClosePath();
            canvas.SetColor(color, Math.Clamp(band.Opacity, 0, 1));
            canvas.Fill();
        }
    }

    private static void DrawReference(RenderContext context, PlotArea plot, ReferenceLine reference, SeriesLook look)
    {
        var w = context.Style.ReferenceWidth;
        SetStroke(context, look.Color, w, look.Dash);
        if (reference.Vertical)
        {
            var x = ChartStyle.Snap(plot.PixelX(reference.Value), w);
            context.Canvas.MoveTo(x, plot.Top);
            context.Canvas.LineTo(x, plot.Bottom);
        }
        else
        {
            var y = ChartStyle.Snap(plot.PixelY(reference.Value), w);
            context.Canvas.MoveTo(plot.Left, y);
            context.Canvas.LineTo(plot.Right, y);
        }

        context.Canvas.Stroke();
        context.Canvas.SetDash([]);
    }

    private static void DrawPolyline(RenderContext context, PlotArea plot, IEnumerable<PixelPoint> points, SeriesLook look, double width)
    {
        var canvas = context.Canvas;
        SetStroke(context, look.Color, width, look.Dash);
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
        canvas.SetDash([]);
    }

    private static void DrawScatter(RenderContext context, PlotArea plot, ScatterSeries scatter, SeriesLook look)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        canvas.SetRoundLines(false);
        canvas.SetColor(look.Color);
        canvas.SetLineWidth(style.ErrorBarWidth);
        foreach (var point in scatter.Points.Where(p => IsDrawable(p, plot)))
        {
            var centre = plot.ToPixel(point.X, point.Y);
            if (point.YError != 0)
            {
                var low = Clamp(plot.PixelY(point.Y - Math.Abs(point.YError)), plot.Bottom + style.CapHalfWidth);
                var high = plot.PixelY(point.Y + Math.Abs(point.YError));
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
                var low = Clamp(plot.PixelX(point.X - Math.Abs(point.XError)), plot.Left - style.CapHalfWidth);
                var high = plot.PixelX(point.X + Math.Abs(point.XError));
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
        var open = MarkerPainter.IsOpen(look.Marker);
        foreach (var point in scatter.Points.Where(p => IsDrawable(p, plot)))
        {
            var centre = plot.ToPixel(point.X, point.Y);
            if (open)
            {
                MarkerPainter.Draw(context, look.Marker, centre.X, centre.Y, look.Color);
            }
            else
            {
                MarkerPainter.AddPath(canvas, look.Marker, centre.X, centre.Y, style.MarkerRadius);
            }
        }

        if (!open)
        {
            canvas.SetColor(look.Color);
            canvas.Fill();
        }
    }

    /// <summary>On a log axis the lower end of an error bar may be ≤ 0: it then runs off the frame.</summary>
    private static double Clamp(double pixel, double fallback) => double.IsFinite(pixel) ? pixel : fallback;

    private static bool IsDrawable(DataPoint point, PlotArea plot) =>
        double.IsFinite(point.X) && double.IsFinite(point.Y) && double.IsFinite(point.XError) && double.IsFinite(point.YError)
        && double.IsFinite(plot.PixelX(point.X)) && double.IsFinite(plot.PixelY(point.Y));
}
