namespace LabCharts.Rendering.Composition;

/// <summary>Chooses the plot corner where a box (legend, annotations) covers the fewest drawn data.</summary>
internal sealed class BoxPlacement
{
    private readonly List<PixelPoint> _obstacles = [];
    private readonly List<PixelBox> _taken = [];
    private readonly PlotArea _plot;
    private readonly double _inset;
    private readonly double _margin;

    public BoxPlacement(Chart chart, PlotArea plot, ChartStyle style)
    {
        _plot = plot;
        _inset = style.BoxInset;
        _margin = style.MarkerRadius + style.CapHalfWidth;
        foreach (var series in chart.Series)
        {
            switch (series)
            {
                case FunctionSeries function:
                    _obstacles.AddRange(SeriesPainter.CurvePoints(function, plot));
                    break;
                case ScatterSeries scatter:
                    AddPoints(scatter.Points, withErrors: true);
                    break;
                case LineSeries line:
                    AddPoints(line.Points, withErrors: false);
                    break;
            }
        }
    }

    /// <summary>The free-est corner for a box of this size (ties: top-left, top-right, bottom-right, bottom-left), then marks it taken.</summary>
    public PixelBox Place(double width, double height)
    {
        PixelBox[] corners =
        [
            new(_plot.Left + _inset, _plot.Top + _inset, width, height),
            new(_plot.Right - _inset - width, _plot.Top + _inset, width, height),
            new(_plot.Right - _inset - width, _plot.Bottom - _inset - height, width, height),
            new(_plot.Left + _inset, _plot.Bottom - _inset - height, width, height),
        ];

        var best = corners[0];
        var bestCost = int.MaxValue;
        foreach (var box in corners)
        {
            // Overlapping an earlier box is worse than covering any amount of data.
            var cost = _taken.Any(box.Intersects) ? int.MaxValue / 2 : _obstacles.Count(p => box.Contains(p, _margin));
            if (cost < bestCost)
            {
                (best, bestCost) = (box, cost);
            }
        }

        _taken.Add(best);
        return best;
    }

    private void AddPoints(IReadOnlyList<DataPoint> points, bool withErrors)
    {
        foreach (var p in points)
        {
            _obstacles.Add(_plot.ToPixel(p.X, p.Y));
            if (withErrors && double.IsFinite(p.YError) && p.YError != 0)
            {
                _obstacles.Add(_plot.ToPixel(p.X, p.Y + p.YError));
                _obstacles.Add(_plot.ToPixel(p.X, p.Y - p.YError));
            }

            if (withErrors && double.IsFinite(p.XError) && p.XError != 0)
            {
                _obstacles.Add(_plot.ToPixel(p.X + p.XError, p.Y));
                _obstacles.Add(_plot.ToPixel(p.X - p.XError, p.Y));
            }
        }
    }
}
