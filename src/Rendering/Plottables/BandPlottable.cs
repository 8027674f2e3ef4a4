using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>
/// A filled band between two curves (a fit's 95 % band), in the bottom layer. Without a colour of its
/// own (or the theme's band fill) it takes the colour of the nearest curve in the series list.
/// </summary>
internal sealed class BandPlottable(BandSeries series) : IPlottable
{
    public SeriesLayer Layer => SeriesLayer.Bands;

    public bool IsCurve => false;

    public SeriesLook Look(LookSlots slots) =>
        new(slots.Theme.BandFill ?? series.Color ?? slots.Theme.Ink, MarkerShape.Circle, LineDash.Solid)
        {
            FollowsCurve = slots.Theme.BandFill is null && series.Color is null,
        };

    public void IncludeX(DataExtent x)
    {
        x.Include(series.From ?? double.NaN);
        x.Include(series.To ?? double.NaN);
    }

    public void IncludeY(DataExtent y, XWindow window)
    {
        y.IncludeCurve(series.Lower, series.From, series.To, window);
        y.IncludeCurve(series.Upper, series.From, series.To, window);
    }

    public IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing) =>
        Obstacle.All(CurveSampler.Even(series.Lower, series.From, series.To, plot, spacing), Obstacle.BandWeight)
            .Concat(Obstacle.All(CurveSampler.Even(series.Upper, series.From, series.To, plot, spacing), Obstacle.BandWeight));

    public void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels)
    {
        var upper = CurveSampler.Sample(series.Upper, series.From, series.To, plot);
        var lower = CurveSampler.Sample(series.Lower, series.From, series.To, plot);
        var canvas = context.Canvas;
        var started = false;

        // One polygon: along the upper curve, back along the lower one; undefined points are skipped.
        foreach (var p in upper.Concat(Enumerable.Reverse(lower)))
        {
            if (!double.IsFinite(p.X) || !double.IsFinite(p.Y))
            {
                continue;
            }

            var (x, y) = StrokePainter.KeepInRange(p, plot);
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
            canvas.SetColor(look.Color, Math.Clamp(series.Opacity, 0, 1));
            canvas.Fill();
        }
    }

    public void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell)
    {
        var canvas = context.Canvas;
        canvas.Rectangle(cell.Left, cell.Middle - (cell.RowHeight * 0.35), cell.Width, cell.RowHeight * 0.7);
        canvas.SetColor(look.Color, Math.Clamp(series.Opacity, 0, 1));
        canvas.Fill();
    }
}
