namespace LabCharts.Rendering.Composition;

/// <summary>
/// Automatic axis ranges: data extents including error bars, curves and bands, padded 5 % each side
/// (in log space on a log axis, where values ≤ 0 are left out); fixed limits win.
/// </summary>
internal static class DataRange
{
    private const double Margin = 0.05;
    private const int CurveSamples = 200;

    /// <summary>The shared x range of all panels.</summary>
    public static (double Min, double Max) ForX(Chart chart)
    {
        var (min, max) = DataX(chart);
        return Finish(min, max, chart.X);
    }

    /// <summary>The y range of one panel; curves count only where there is data (or within the fixed x limits), not in the padding.</summary>
    public static (double Min, double Max) ForY(Chart chart, IReadOnlyList<Series> series, Axis y, double xMin, double xMax)
    {
        var (dataMin, dataMax) = DataX(chart);
        if (dataMax > dataMin)
        {
            (xMin, xMax) = (Math.Max(xMin, chart.X.Min ?? dataMin), Math.Min(xMax, chart.X.Max ?? dataMax));
        }

        var log = y.Scale == AxisScale.Log;
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var point in Points(series))
        {
            Include(ref min, ref max, point.Y - Math.Abs(point.YError), log);
            Include(ref min, ref max, point.Y + Math.Abs(point.YError), log);
            Include(ref min, ref max, point.Y, log);
        }

        foreach (var s in series)
        {
            switch (s)
            {
                case FunctionSeries function:
                    IncludeCurve(ref min, ref max, function.Function, function.From, function.To, xMin, xMax, chart.X.Scale, log);
                    break;
                case BandSeries band:
                    IncludeCurve(ref min, ref max, band.Lower, band.From, band.To, xMin, xMax, chart.X.Scale, log);
                    IncludeCurve(ref min, ref max, band.Upper, band.From, band.To, xMin, xMax, chart.X.Scale, log);
                    break;
                case ReferenceLine { Vertical: false } reference:
                    Include(ref min, ref max, reference.Value, log);
                    break;
            }
        }

        return Finish(min, max, y);
    }

    /// <summary>Evaluates a curve; a throwing or non-finite function yields NaN (a gap), never a failed chart.</summary>
    public static double Evaluate(Func<double, double> function, double x)
    {
        try
        {
            return function(x);
        }
#pragma warning disable CA1031 // user-supplied curves may throw anywhere (domain errors): that point is just not drawn
        catch (Exception)
#pragma warning restore CA1031
        {
            return double.NaN;
        }
    }

    private static (double Min, double Max) DataX(Chart chart)
    {
        var log = chart.X.Scale == AxisScale.Log;
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var series in chart.Panels.Select(p => p.Series).Prepend(chart.Series))
        {
            foreach (var point in Points(series))
            {
                Include(ref min, ref max, point.X - Math.Abs(point.XError), log);
                Include(ref min, ref max, point.X + Math.Abs(point.XError), log);
                Include(ref min, ref max, point.X, log);
            }

            foreach (var s in series)
            {
                var (from, to) = s switch
                {
                    FunctionSeries f => (f.From, f.To),
                    BandSeries b => (b.From, b.To),
                    ReferenceLine { Vertical: true } r => (r.Value, r.Value),
                    _ => (null, null),
                };
                Include(ref min, ref max, from ?? double.NaN, log);
                Include(ref min, ref max, to ?? double.NaN, log);
            }
        }

        return (min, max);
    }

    private static void IncludeCurve(ref double min, ref double max, Func<double, double> curve, double? curveFrom, double? curveTo, double xMin, double xMax, AxisScale xScale, bool log)
    {
        var from = Math.Max(curveFrom ?? xMin, xMin);
        var to = Math.Min(curveTo ?? xMax, xMax);
        var logX = xScale == AxisScale.Log && from > 0;
        for (var i = 0; i <= CurveSamples && to > from; i++)
        {
            var t = (double)i / CurveSamples;
            var x = logX ? from * Math.Pow(to / from, t) : from + ((to - from) * t);
            Include(ref min, ref max, Evaluate(curve, x), log);
        }
    }

    private static IEnumerable<DataPoint> Points(IReadOnlyList<Series> series) =>
        series.SelectMany(s => s switch
        {
            ScatterSeries scatter => scatter.Points,
            LineSeries line => line.Points,
            MarkedPointSeries marked => marked.Points.Select(m => new DataPoint(m.X, m.Y)),
            _ => [],
        });

    private static void Include(ref double min, ref double max, double value, bool log)
    {
        if (double.IsFinite(value) && (!log || value > 0))
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
    }

    private static (double Min, double Max) Finish(double min, double max, Axis axis)
    {
        if (axis.Scale == AxisScale.Log)
        {
            var (logMin, logMax) = FinishLinear(Math.Log10(min), Math.Log10(max), null, null, 1);
            var fixedMin = axis.Min is > 0 and var a && double.IsFinite(a) ? a : Math.Pow(10, logMin);
            var fixedMax = axis.Max is > 0 and var b && double.IsFinite(b) ? b : Math.Pow(10, logMax);
            return fixedMax > fixedMin ? (fixedMin, fixedMax) : (fixedMin, fixedMin * 10);
        }

        return FinishLinear(min, max, axis.Min, axis.Max, 0.1);
    }

    private static (double Min, double Max) FinishLinear(double min, double max, double? axisMin, double? axisMax, double degenerateWidth)
    {
        var span = max - min;
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }
        else if (span <= 0)
        {
            // One value: a decade around it on a log axis, ±5 % on a linear one.
            span = degenerateWidth == 1 || min == 0 ? 1 : Math.Abs(min) * degenerateWidth;
            (min, max) = (min - (span / 2), max + (span / 2));
        }
        else
        {
            (min, max) = (min - (span * Margin), max + (span * Margin));
        }

        var fixedMin = axisMin is { } a && double.IsFinite(a) ? a : min;
        var fixedMax = axisMax is { } b && double.IsFinite(b) ? b : max;
        if (fixedMax <= fixedMin)
        {
            // Contradictory or one-sided limits: keep the fixed one and give the range some width.
            var width = Math.Max(max - min, Math.Abs(fixedMin) * 0.1);
            width = width > 0 ? width : 1;
            return axisMin is not null ? (fixedMin, fixedMin + width) : (fixedMax - width, fixedMax);
        }

        return (fixedMin, fixedMax);
    }
}
