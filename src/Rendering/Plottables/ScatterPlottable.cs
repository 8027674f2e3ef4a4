using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>Markers with x and y error bars (with caps); on a log axis an error bar running below 0 leaves the frame.</summary>
internal sealed class ScatterPlottable(ScatterSeries series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.Markers;

    public bool IsCurve => false;

    public SeriesLook Look(LookSlots slots) => new(slots.NextColor(series), series.Marker ?? slots.NextMarker(), LineDash.Solid);

    public void IncludeX(DataExtent x) => x.IncludeX(series.Points);

    public void IncludeY(DataExtent y, XWindow window) => y.IncludeY(series.Points);

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing)
    {
        foreach (var p in series.Points)
        {
            yield return new Obstacle(plot.ToPixel(p.X, p.Y), Obstacle.MarkerWeight);
            if (double.IsFinite(p.YError) && p.YError != 0)
            {
                yield return new Obstacle(plot.ToPixel(p.X, p.Y + p.YError), Obstacle.MarkerWeight / 2);
                yield return new Obstacle(plot.ToPixel(p.X, p.Y - p.YError), Obstacle.MarkerWeight / 2);
            }

            if (double.IsFinite(p.XError) && p.XError != 0)
            {
                yield return new Obstacle(plot.ToPixel(p.X + p.XError, p.Y), Obstacle.MarkerWeight / 2);
                yield return new Obstacle(plot.ToPixel(p.X - p.XError, p.Y), Obstacle.MarkerWeight / 2);
            }
        }
    }

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        canvas.SetRoundLines(false);
        canvas.SetColor(look.Color);
        canvas.SetLineWidth(style.ErrorBarWidth);
        foreach (var point in series.Points.Where(p => IsDrawable(p, plot)))
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
        foreach (var point in series.Points.Where(p => IsDrawable(p, plot)))
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

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        var (x, middle) = (cell.CentreX, cell.Middle);
        canvas.SetRoundLines(false);
        canvas.SetColor(look.Color);
        canvas.SetLineWidth(style.ErrorBarWidth);
        var half = style.MarkerRadius + style.CapHalfWidth;
        canvas.MoveTo(x, middle - half);
        canvas.LineTo(x, middle + half);
        canvas.MoveTo(x - style.CapHalfWidth, middle - half);
        canvas.LineTo(x + style.CapHalfWidth, middle - half);
        canvas.MoveTo(x - style.CapHalfWidth, middle + half);
        canvas.LineTo(x + style.CapHalfWidth, middle + half);
        canvas.Stroke();
        MarkerPainter.Draw(context, look.Marker, x, middle, look.Color);
    }

    /// <summary>On a log axis the lower end of an error bar may be ≤ 0: it then runs off the frame.</summary>
    private static double Clamp(double pixel, double fallback) => double.IsFinite(pixel) ? pixel : fallback;

    private static bool IsDrawable(ChartPoint point, PlotArea plot) =>
        double.IsFinite(point.X) && double.IsFinite(point.Y) && double.IsFinite(point.XError) && double.IsFinite(point.YError)
        && double.IsFinite(plot.PixelX(point.X)) && double.IsFinite(plot.PixelY(point.Y));
}
