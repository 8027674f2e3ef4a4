using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Automatic axis ranges: data extents including error bars, curves and bands, padded 5 % each side
/// (in log space on a log axis, where values ≤ 0 are left out); fixed limits win.
/// </summary>
internal static class DataRange
{
    private const double Margin = 0.05;

    /// <summary>The shared x range of all panels (<paramref name="all"/>: every panel's plottables).</summary>
    public static (double Min, double Max) ForX(IEnumerable<IPlottable> all, Axis x)
    {
        var data = DataX(all, x);
        return Finish(data.Min, data.Max, x);
    }

    /// <summary>The y range of one panel; curves count only where there is data (or within the fixed x limits), not in the padding.</summary>
    public static (double Min, double Max) ForY(IEnumerable<IPlottable> all, Axis x, IReadOnlyList<IPlottable> panel, Axis y, double xMin, double xMax)
    {
        var data = DataX(all, x);
        if (data.Max > data.Min)
        {
            (xMin, xMax) = (Math.Max(xMin, x.Min ?? data.Min), Math.Min(xMax, x.Max ?? data.Max));
        }

        var extent = new DataExtent(y.Scale == AxisScale.Log);
        var window = new XWindow(xMin, xMax, x.Scale);
        foreach (var plottable in panel)
        {
            plottable.IncludeY(extent, window);
        }

        return Finish(extent.Min, extent.Max, y);
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

    private static DataExtent DataX(IEnumerable<IPlottable> all, Axis x)
    {
        var extent = new DataExtent(x.Scale == AxisScale.Log);
        foreach (var plottable in all)
        {
            plottable.IncludeX(extent);
        }

        return extent;
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
