using MathNet.Numerics.LinearAlgebra;

namespace LabCharts.Analysis;

/// <summary>
/// Automatic starting values for the built-in models, each from a method that needs no start
/// itself: linearisation (power, logarithmic, Shockley), the integral-equation method for the
/// exponential with offset (Jacquelin, "Régressions et équations intégrales", 2009), peak
/// position and half width (Gaussian, Lorentzian, resonance), and a frequency scan with a
/// linear fit at each frequency (damped sine).
/// </summary>
internal static class InitialGuess
{
    /// <summary>y = a·e^(b·x) + c: y − y₁ = b·∫(y − c)dx is linear in (x − x₁) and ∫y dx.</summary>
    public static double[] Exponential(double[] x, double[] y)
    {
        var (xs, ys) = Sorted(x, y);
        var n = xs.Length;
        var s = new double[n];
        for (var k = 1; k < n; k++)
        {
            s[k] = s[k - 1] + (0.5 * (ys[k] + ys[k - 1]) * (xs[k] - xs[k - 1]));
        }

        var coefficients = Linear(n, k => [xs[k] - xs[0], s[k]], k => ys[k] - ys[0]);
        var b = coefficients?[1] ?? double.NaN;
        if (!double.IsFinite(b) || b == 0)
        {
            b = -1 / (xs[^1] - xs[0]);
        }

        var ac = Linear(n, k => [Math.Exp(b * xs[k]), 1], k => ys[k]);
        return ac is null ? [double.NaN] : [ac[0], b, ac[1]];
    }

    /// <summary>y = a·x^b: ln|y| = ln a + b·ln x over the points with x &gt; 0 and y ≠ 0.</summary>
    public static double[] Power(double[] x, double[] y)
    {
        var points = Enumerable.Range(0, x.Length).Where(i => x[i] > 0 && y[i] != 0).ToArray();
        var fit = Linear(points.Length, k => [1, Math.Log(x[points[k]])], k => Math.Log(Math.Abs(y[points[k]])));
        var sign = y.Sum() < 0 ? -1 : 1;
        return fit is null ? [double.NaN, double.NaN] : [sign * Math.Exp(fit[0]), fit[1]];
    }

    /// <summary>y = a·ln x + b: linear in (a, b), so the guess is the answer.</summary>
    public static double[] Logarithmic(double[] x, double[] y)
    {
        var fit = x.Any(v => v <= 0) ? null : Linear(x.Length, k => [Math.Log(x[k]), 1], k => y[k]);
        return fit ?? [double.NaN, double.NaN];
    }

    /// <summary>Gaussian a·e^(−(x−μ)²/(2σ²)): height and position of the largest |y|, σ from the half width.</summary>
    public static double[] Gaussian(double[] x, double[] y)
    {
        var (a, centre, halfWidth) = Peak(x, y);
        return [a, centre, halfWidth / Math.Sqrt(2 * Math.Log(2))];
    }

    /// <summary>Lorentzian a/(1 + ((x−x₀)/γ)²): γ is the half width at half maximum.</summary>
    public static double[] Lorentzian(double[] x, double[] y)
    {
        var (a, centre, halfWidth) = Peak(x, y);
        return [a, centre, halfWidth];
    }

    /// <summary>
    /// Resonance F/√((ω₀² − ω²)² + (2βω)²): ω₀ at the peak; the amplitude falls to 1/√2 of the
    /// peak at ω₀ ± β (small damping), and A_max = F/(2βω₀).
    /// </summary>
    public static double[] Resonance(double[] x, double[] y)
    {
        var (a, centre, _) = Peak(x, y, Math.Sqrt(0.5));
        var (_, _, halfPower) = Peak(x, y, Math.Sqrt(0.5));
        var beta = Math.Max(halfPower, 1e-6 * Math.Abs(centre));
        return [a * 2 * beta * centre, centre, beta];
    }

    /// <summary>Logistic a/(1 + e^(−(x−x₀)/w)) + c: range, midpoint crossing and a tenth of the span.</summary>
    public static double[] Sigmoid(double[] x, double[] y)
    {
        var (xs, ys) = Sorted(x, y);
        var low = ys.Min();
        var high = ys.Max();
        var increasing = ys[^1] >= ys[0];
        var middle = (low + high) / 2;
        var crossing = Enumerable.Range(1, xs.Length - 1).FirstOrDefault(i => (ys[i - 1] - middle) * (ys[i] - middle) <= 0, xs.Length / 2);
        var width = (xs[^1] - xs[0]) / 10;
        return [high - low, xs[crossing], increasing ? width : -width, low];
    }

    /// <summary>
    /// Damped sine a·e^(−γx)·sin(ωx + φ) + c: for each ω of a scan the best p·sin ωx + q·cos ωx + c
    /// is a linear fit; the ω with the least residual wins, a = √(p² + q²), φ = atan2(q, p), γ = 0.
    /// </summary>
    public static double[] DampedSine(double[] x, double[] y)
    {
        var (xs, ys) = Sorted(x, y);
        var span = xs[^1] - xs[0];
        var step = Enumerable.Range(1, xs.Length - 1).Select(i => xs[i] - xs[i - 1]).Where(d => d > 0).DefaultIfEmpty(span).Min();
        var lowest = Math.PI / span;
        var highest = Math.PI / step;
        double[]? best = null;
        var bestOmega = lowest;
        var bestResidual = double.PositiveInfinity;
        for (var i = 0; i <= 400; i++)
        {
            var omega = lowest * Math.Pow(highest / lowest, i / 400.0);
            var fit = Linear(xs.Length, k => [Math.Sin(omega * xs[k]), Math.Cos(omega * xs[k]), 1], k => ys[k]);
            if (fit is null)
            {
                continue;
            }

            var residual = Enumerable.Range(0, xs.Length).Sum(k => Math.Pow(ys[k] - ((fit[0] * Math.Sin(omega * xs[k])) + (fit[1] * Math.Cos(omega * xs[k])) + fit[2]), 2));
            if (residual < bestResidual)
            {
                (best, bestOmega, bestResidual) = (fit, omega, residual);
            }
        }

        return best is null
            ? [double.NaN]
            : [Math.Sqrt((best[0] * best[0]) + (best[1] * best[1])), 0, bestOmega, Math.Atan2(best[1], best[0]), best[2]];
    }

    /// <summary>Largest |y|, its x, and the half width where |y| first falls below <paramref name="level"/> of it.</summary>
    private static (double Height, double Centre, double HalfWidth) Peak(double[] x, double[] y, double level = 0.5)
    {
        var (xs, ys) = Sorted(x, y);
        var top = Enumerable.Range(0, ys.Length).MaxBy(i => Math.Abs(ys[i]));
        var threshold = level * Math.Abs(ys[top]);
        var left = top;
        while (left > 0 && Math.Abs(ys[left]) > threshold)
        {
            left--;
        }

        var right = top;
        while (right < ys.Length - 1 && Math.Abs(ys[right]) > threshold)
        {
            right++;
        }

        var halfWidth = (xs[right] - xs[left]) / 2;
        if (!(halfWidth > 0))
        {
            halfWidth = (xs[^1] - xs[0]) / 4;
        }

        return (ys[top], xs[top], halfWidth);
    }

    private static (double[] X, double[] Y) Sorted(double[] x, double[] y)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        return ([.. order.Select(i => x[i])], [.. order.Select(i => y[i])]);
    }

    /// <summary>Plain least squares over n rows built by the callbacks; null when singular or too few rows.</summary>
    private static double[]? Linear(int n, Func<int, double[]> row, Func<int, double> target)
    {
        if (n == 0)
        {
            return null;
        }

        var first = row(0);
        if (n < first.Length)
        {
            return null;
        }

        var design = Matrix<double>.Build.Dense(n, first.Length, (i, j) => row(i)[j]);
        var solution = LinearLeastSquares.Solve(design, [.. Enumerable.Range(0, n).Select(target)], null);
        return solution?.Coefficients is { } c && c.All(double.IsFinite) ? c : null;
    }
}
