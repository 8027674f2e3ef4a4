namespace LabCharts.Rendering.Composition;

/// <summary>Automatic axis ranges: data extents including error bars and curves, padded 5 % each side; fixed limits win.</summary>
internal static class DataRange
{
    private const double Margin = 0.05;
    private const int CurveSamples = 200;

    public static (double Min, double Max) ForX(Chart chart)
    {
        var (min, max) = DataX(chart);
        return Finish(min, max, chart.X);
    }

    /// <summary>The y range; curves count only where there is data (or within the fixed x limits), not in the padding.</summary>
    public static (double Min, double Max) ForY(Chart chart, double xMin, double xMax)
    {
        var (dataMin, dataMax) = DataX(chart);
        if (dataMax > dataMin)
        {
            (xMin, xMax) = (Math.Max(xMin, chart.X.Min ?? dataMin), Math.Min(xMax, chart.X.Max ?? dataMax));
        }

        return ForYWithin(chart, xMin, xMax);
    }

    private static (double Min, double Max) DataX(Chart chart)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var point in Points(chart))
        {
            Include(ref min, ref max, point.X - Math.Abs(point.XError));
            Include(ref min, ref max, point.X + Math.Abs(point.XError));
        }

        foreach (var function in chart.Series.OfType<FunctionSeries>())
        {
            Include(ref min, ref max, function.From ?? double.NaN);
            Include(ref min, ref max, function.To ?? double.NaN);
        }

        return (min, max);
    }

    private static (double Min, double Max) ForYWithin(Chart chart, double xMin, double xMax)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var point in Points(chart))
        {
            Include(ref min, ref max, point.Y - Math.Abs(point.YError));
            Include(ref min, ref max, point.Y + Math.Abs(point.YError));
        }

        foreach (var function in chart.Series.OfType<FunctionSeries>())
        {
            var from = Math.Max(function.From ?? xMin, xMin);
            var to = Math.Min(function.To ?? xMax, xMax);
            for (var i = 0; i <= CurveSamples && to > from; i++)
            {
                Include(ref min, ref max, Evaluate(function.Function, from + ((to - from) * i / CurveSamples)));
            }
        }

        return Finish(min, max, chart.Y);
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

    private static IEnumerable<DataPoint> Points(Chart chart) =>
        chart.Series.SelectMany(s => s switch
        {
            ScatterSeries scatter => scatter.Points,
            LineSeries line => line.Points,
            _ => [],
        });

    private static void Include(ref double min, ref double max, double value)
    {
        if (double.IsFinite(value))
        {
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }
    }

    private static (double Min, double Max) Finish(double min, double max, Axis axis)
    {
        var span = max - min;
        if (!double.IsFinite(min))
        {
            (min, max) = (0, 1);
        }
        else if (span <= 0)
        {
            span = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - (span / 2), max + (span / 2));
        }
        else
        {
            (min, max) = (min - (span * Margin), max + (span * Margin));
        }

        var fixedMin = axis.Min is { } a && double.IsFinite(a) ? a : min;
        var fixedMax = axis.Max is { } b && double.IsFinite(b) ? b : max;
        if (fixedMax <= fixedMin)
        {
            // Contradictory or one-sided limits: keep the fixed one and give the range some width.
            var width = Math.Max(max - min, Math.Abs(fixedMin) * 0.1);
            width = width > 0 ? width : 1;
            return axis.Min is not null ? (fixedMin, fixedMin + width) : (fixedMax - width, fixedMax);
        }

        return (fixedMin, fixedMax);
    }
}
