namespace LabCharts.Rendering.Composition;

/// <summary>
/// Samples y = f(x) for drawing, in pixel space: a coarse even pass, then each piece is halved while
/// its midpoint strays from the chord by more than a fraction of a pixel (or one end is undefined).
/// A straight fit costs a few dozen points; a sharp peak gets hundreds exactly where it bends.
/// </summary>
internal static class CurveSampler
{
    private const int CoarseSegments = 32;
    private const int MaxDepth = 10;
    private const double Tolerance = 0.2;

    /// <summary>Pixel points along the curve over [from, to] ∩ the x range; NaN points mark gaps.</summary>
    public static List<PixelPoint> Sample(Func<double, double> function, double? curveFrom, double? curveTo, PlotArea plot)
    {
        var points = new List<PixelPoint>(128);
        var from = Math.Max(curveFrom ?? plot.XMin, plot.XMin);
        var to = Math.Min(curveTo ?? plot.XMax, plot.XMax);
        if (!(to > from) || (plot.XScale == AxisScale.Log && !(from > 0)))
        {
            return points;
        }

        var curve = new Curve(function, from, to, plot);
        var (t0, p0) = (0.0, curve.At(0));
        points.Add(p0);
        for (var i = 1; i <= CoarseSegments; i++)
        {
            var t1 = (double)i / CoarseSegments;
            var p1 = curve.At(t1);
            Refine(curve, t0, p0, t1, p1, 0, points);
            points.Add(p1);
            (t0, p0) = (t1, p1);
        }

        return points;
    }

    /// <summary>Evenly spaced pixel points (every <paramref name="spacing"/> px): what a box placed over the curve would cover.</summary>
    public static IEnumerable<PixelPoint> Even(Func<double, double> function, double? curveFrom, double? curveTo, PlotArea plot, double spacing)
    {
        var from = Math.Max(curveFrom ?? plot.XMin, plot.XMin);
        var to = Math.Min(curveTo ?? plot.XMax, plot.XMax);
        if (!(to > from) || (plot.XScale == AxisScale.Log && !(from > 0)))
        {
            yield break;
        }

        var curve = new Curve(function, from, to, plot);
        var count = Math.Max(2, (int)((plot.PixelX(to) - plot.PixelX(from)) / spacing));
        for (var i = 0; i <= count; i++)
        {
            yield return curve.At((double)i / count);
        }
    }

    private static void Refine(Curve curve, double t0, PixelPoint p0, double t1, PixelPoint p1, int depth, List<PixelPoint> points)
    {
        if (depth >= MaxDepth)
        {
            return;
        }

        var tm = (t0 + t1) / 2;
        var pm = curve.At(tm);
        if (!NeedsSplit(p0, pm, p1, curve.Limit))
        {
            return;
        }

        Refine(curve, t0, p0, tm, pm, depth + 1, points);
        points.Add(pm);
        Refine(curve, tm, pm, t1, p1, depth + 1, points);
    }

    private static bool NeedsSplit(PixelPoint a, PixelPoint m, PixelPoint b, double limit)
    {
        var finite = (IsFinite(a) ? 1 : 0) + (IsFinite(m) ? 1 : 0) + (IsFinite(b) ? 1 : 0);
        if (finite == 0)
        {
            return false;
        }

        if (finite < 3)
        {
            return true; // find where the curve starts or stops being defined
        }

        // Far outside the frame nothing is seen: do not chase a pole.
        if (Math.Abs(a.Y) > limit && Math.Abs(m.Y) > limit && Math.Abs(b.Y) > limit)
        {
            return false;
        }

        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 0.5)
        {
            return false;
        }

        var distance = Math.Abs((dx * (a.Y - m.Y)) - ((a.X - m.X) * dy)) / length;
        return distance > Tolerance;
    }

    private static bool IsFinite(PixelPoint p) => double.IsFinite(p.X) && double.IsFinite(p.Y);

    /// <summary>The curve as a function of t ∈ [0, 1], even in pixels along x (so log axes sample evenly too).</summary>
    private readonly struct Curve(Func<double, double> function, double from, double to, PlotArea plot)
    {
        public double Limit { get; } = 4 * (plot.Bottom + plot.Height);

        public PixelPoint At(double t)
        {
            var x = plot.XScale == AxisScale.Log ? from * Math.Pow(to / from, t) : from + ((to - from) * t);
            var y = plot.PixelY(DataRange.Evaluate(function, x));
            return new PixelPoint(plot.PixelX(x), y);
        }
    }
}
