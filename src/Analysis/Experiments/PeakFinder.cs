namespace LabCharts.Analysis;

/// <summary>
/// Finds the maxima of a sampled curve such as the Franck–Hertz I(U): local maxima whose
/// prominence (height above the higher of the two lowest points between it and a higher
/// neighbour peak) is at least 3 % of the curve's range, so reading noise on a slope is not a
/// peak. Each position is refined by the parabola through the maximum and its two neighbours.
/// </summary>
internal static class PeakFinder
{
    public const double MinimumProminence = 0.03;

    /// <summary>Peak positions and heights in increasing x; x must be sorted.</summary>
    public static IReadOnlyList<(double X, double Y)> Find(double[] x, double[] y)
    {
        var range = y.Max() - y.Min();
        var peaks = new List<(double, double)>();
        if (!(range > 0))
        {
            return peaks;
        }

        for (var i = 1; i < y.Length - 1; i++)
        {
            if (!(y[i] > y[i - 1] && y[i] >= y[i + 1]))
            {
                continue;
            }

            var leftMin = y[i];
            for (var j = i - 1; j >= 0 && y[j] <= y[i]; j--)
            {
                leftMin = Math.Min(leftMin, y[j]);
            }

            var rightMin = y[i];
            for (var j = i + 1; j < y.Length && y[j] <= y[i]; j++)
            {
                rightMin = Math.Min(rightMin, y[j]);
            }

            if (y[i] - Math.Max(leftMin, rightMin) < MinimumProminence * range)
            {
                continue;
            }

            peaks.Add(Refine(x, y, i));
        }

        return peaks;
    }

    // Vertex of the parabola through three neighbouring samples (unequal spacing allowed).
    private static (double X, double Y) Refine(double[] x, double[] y, int i)
    {
        double x0 = x[i - 1], x1 = x[i], x2 = x[i + 1];
        double y0 = y[i - 1], y1 = y[i], y2 = y[i + 1];
        var denominator = (x0 - x1) * (x0 - x2) * (x1 - x2);
        var a = ((x2 * (y1 - y0)) + (x1 * (y0 - y2)) + (x0 * (y2 - y1))) / denominator;
        var b = ((x2 * x2 * (y0 - y1)) + (x1 * x1 * (y2 - y0)) + (x0 * x0 * (y1 - y2))) / denominator;
        if (!(a < 0))
        {
            return (x1, y1);
        }

        var vertex = -b / (2 * a);
        if (vertex < x0 || vertex > x2)
        {
            return (x1, y1);
        }

        var c = y1 - (a * x1 * x1) - (b * x1);
        return (vertex, (a * vertex * vertex) + (b * vertex) + c);
    }
}
