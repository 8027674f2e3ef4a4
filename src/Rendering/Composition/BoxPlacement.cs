using LabCharts.Rendering.Layout;
using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Chooses where in the main plot a box (legend, annotations) covers the least drawn data: each of
/// nine places (corners first, then edge middles, then the centre) is scored by the data it would hide
/// — markers and error bars weigh most, curves less, a band's edges least — and the cheapest wins.
/// </summary>
internal sealed class BoxPlacement
{
    private const double CentreBias = 0.5;

    private readonly List<Obstacle> _obstacles = [];
    private readonly List<PixelBox> _taken = [];
    private readonly PlotArea _plot;
    private readonly double _inset;
    private readonly double _margin;

    public BoxPlacement(PanelLayout panel, ChartStyle style, IEnumerable<PixelBox> taken)
    {
        _plot = panel.Plot;
        _inset = style.BoxInset;
        _margin = style.MarkerRadius + style.CapHalfWidth;
        _taken.AddRange(taken);
        var spacing = 4 * style.Unit;
        foreach (var plottable in panel.Plottables)
        {
            foreach (var obstacle in plottable.Obstacles(_plot, spacing))
            {
                if (double.IsFinite(obstacle.Point.X) && double.IsFinite(obstacle.Point.Y))
                {
                    _obstacles.Add(obstacle);
                }
            }
        }
    }

    /// <summary>The least-covering place for a box of this size, then marks it taken.</summary>
    public PixelBox Place(double width, double height)
    {
        var (l, t) = (_plot.Left + _inset, _plot.Top + _inset);
        var (r, b) = (_plot.Right - _inset - width, _plot.Bottom - _inset - height);
        var (cx, cy) = ((l + r) / 2, (t + b) / 2);
        (double X, double Y, double Bias)[] places =
        [
            (l, t, 0), (r, t, 0), (r, b, 0), (l, b, 0),
            (cx, t, CentreBias), (cx, b, CentreBias), (l, cy, CentreBias), (r, cy, CentreBias), (cx, cy, 2 * CentreBias),
        ];

        var best = new PixelBox(l, t, width, height);
        var bestCost = double.MaxValue;
        foreach (var (x, y, bias) in places)
        {
            var box = new PixelBox(x, y, width, height);
            // Overlapping an earlier box is worse than covering any amount of data.
            var cost = _taken.Any(box.Intersects) ? 1e9 : bias;
            foreach (var (point, weight) in _obstacles)
            {
                if (box.Contains(point, _margin))
                {
                    cost += weight;
                }
            }

            if (cost < bestCost)
            {
                (best, bestCost) = (box, cost);
            }
        }

        _taken.Add(best);
        return best;
    }
}
