namespace LabCharts.Rendering.Plottables;

/// <summary>The smallest and largest value seen along one axis; on a log axis values ≤ 0 are left out.</summary>
internal sealed class DataExtent(bool log)
{
    private const int CurveSamples = 200;

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public void Include(double value)
    {
        if (double.IsFinite(value) && (!log || value > 0))
        {
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }
    }

    /// <summary>A value with its error bar: value − |error|, value, value + |error|.</summary>
    public void Include(double value, double error)
    {
        Include(value - Math.Abs(error));
        Include(value + Math.Abs(error));
        Include(value);
    }

    /// <summary>The points' x values with their x error bars.</summary>
    public void IncludeX(IEnumerable<ChartPoint> points)
    {
        foreach (var p in points)
        {
            Include(p.X, p.XError);
        }
    }

    /// <summary>The points' y values with their y error bars.</summary>
    public void IncludeY(IEnumerable<ChartPoint> points)
    {
        foreach (var p in points)
        {
            Include(p.Y, p.YError);
        }
    }

    /// <summary>A curve y = f(x) sampled over [from, to] ∩ the window.</summary>
    public void IncludeCurve(Func<double, double> curve, double? curveFrom, double? curveTo, XWindow window)
    {
        var from = Math.Max(curveFrom ?? window.Min, window.Min);
        var to = Math.Min(curveTo ?? window.Max, window.Max);
        var logX = window.Scale == AxisScale.Log && from > 0;
        for (var i = 0; i <= CurveSamples && to > from; i++)
        {
            var t = (double)i / CurveSamples;
            var x = logX ? from * Math.Pow(to / from, t) : from + ((to - from) * t);
            Include(Composition.DataRange.Evaluate(curve, x));
        }
    }
}
