using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace LabCharts.Analysis;

/// <summary>
/// Least-squares straight lines, unweighted or weighted by 1/σ², with or without intercept.
/// </summary>
/// <remarks>
/// The normal equations square the condition number (x around 10⁻⁷ m or 10¹⁴ Hz would lose most
/// digits), so the fit solves the weighted design matrix by QR instead, after centring x on its
/// weighted mean and scaling it to unit range; the parameters and their covariance are then
/// transformed back exactly. Covariance convention (as SciPy's <c>curve_fit</c>
/// <c>absolute_sigma</c>): with σ given it is (AᵀWA)⁻¹ as is ("absolute"); without, it is
/// multiplied by χ²/dof ("scaled").
/// </remarks>
internal static class StraightLineFitter
{
    /// <summary>Points a line needs: with intercept 3 (2 would leave no degree of freedom), through the origin 2.</summary>
    public static int MinimumPoints(bool withIntercept) => withIntercept ? 3 : 2;

    /// <summary>
    /// Checks that the points determine a line with at least one degree of freedom; throws
    /// <c>too_few_points</c> or <c>degenerate_x</c>.
    /// </summary>
    public static void CheckFittable(double[] x, InputField xField, bool withIntercept)
    {
        var needed = MinimumPoints(withIntercept);
        if (x.Length < needed)
        {
            throw withIntercept
                ? AnalysisErrors.TooFewPoints(xField, x.Length, needed, "带截距的直线拟合", "a straight line with intercept")
                : AnalysisErrors.TooFewPoints(xField, x.Length, needed, "过原点的直线拟合", "a straight line through the origin");
        }

        var largest = x.Max(Math.Abs);
        var spread = x.Max() - x.Min();

        // Equal up to rounding counts as equal: a relative spread of 10⁻¹² is conversion noise.
        if (withIntercept ? spread <= 1e-12 * largest : largest == 0)
        {
            throw AnalysisErrors.DegenerateX(xField, throughOrigin: !withIntercept);
        }
    }

    /// <summary>Fits y = k·x + c; <paramref name="sigma"/> null for an unweighted fit, else every σ &gt; 0.</summary>
    public static StraightLineFit Fit(double[] x, double[] y, double[]? sigma, bool withIntercept, InputField xField)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length || (sigma is not null && sigma.Length != x.Length))
        {
            throw new ArgumentException("x, y and sigma must have the same length.");
        }

        if (sigma is not null && sigma.Any(s => !(s > 0)))
        {
            throw new ArgumentException("Every sigma of a weighted fit must be > 0.", nameof(sigma));
        }

        CheckFittable(x, xField, withIntercept);
        var n = x.Length;

        // Row i of the weighted problem is multiplied by √wᵢ = 1/σᵢ.
        var rootWeight = sigma is null ? Enumerable.Repeat(1.0, n).ToArray() : sigma.Select(s => 1 / s).ToArray();
        var weight = rootWeight.Select(r => r * r).ToArray();
        var totalWeight = weight.Sum();
        var centre = withIntercept ? x.Select((xi, i) => weight[i] * xi).Sum() / totalWeight : 0;
        var scale = x.Max(xi => Math.Abs(xi - centre));

        var parameters = withIntercept ? 2 : 1;
        var design = Matrix<double>.Build.Dense(n, parameters, (i, j) =>
            j == parameters - 1 ? rootWeight[i] * (x[i] - centre) / scale : rootWeight[i]);
        var rhs = Vector<double>.Build.Dense(n, i => rootWeight[i] * y[i]);
        var qr = design.QR(QRMethod.Thin);
        var solution = qr.Solve(rhs);
        var rInverse = qr.R.Inverse();
        var scaledCovariance = rInverse * rInverse.Transpose();

        // Back from (a, b) of y = a + b·(x − centre)/scale to k = b/scale, c = a − k·centre.
        var slope = solution[parameters - 1] / scale;
        var intercept = withIntercept ? solution[0] - (slope * centre) : 0;
        var jacobian = withIntercept
            ? Matrix<double>.Build.DenseOfArray(new[,] { { 0, 1 / scale }, { 1, -centre / scale } })
            : Matrix<double>.Build.DenseOfArray(new[,] { { 1 / scale } });
        var covariance = jacobian * scaledCovariance * jacobian.Transpose();

        var residuals = new double[n];
        var chiSquared = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = y[i] - ((slope * x[i]) + intercept);
            chiSquared += weight[i] * residuals[i] * residuals[i];
        }

        var dof = n - parameters;
        if (sigma is null)
        {
            covariance *= chiSquared / dof;
        }

        var rSquared = RSquared(y, weight, totalWeight, chiSquared, withIntercept);
        double? adjusted = dof > 0 ? 1 - ((1 - rSquared) * (n - (withIntercept ? 1 : 0)) / dof) : null;
        return new StraightLineFit(
            slope,
            intercept,
            withIntercept,
            covariance.ToRowArrays(),
            chiSquared,
            dof,
            rSquared,
            adjusted,
            Weighted: sigma is not null,
            residuals);
    }

    private static double RSquared(double[] y, double[] weight, double totalWeight, double chiSquared, bool withIntercept)
    {
        var mean = withIntercept ? y.Select((yi, i) => weight[i] * yi).Sum() / totalWeight : 0;
        var total = y.Select((yi, i) => weight[i] * (yi - mean) * (yi - mean)).Sum();

        // Nothing to explain (all y equal): scikit-learn's force_finite convention, 1 for an exact
        // fit. "Exact" allows the last-bit noise of the QR solve.
        if (!(total > 0))
        {
            var scale = y.Select((yi, i) => weight[i] * yi * yi).Sum();
            return chiSquared <= 1e-20 * scale ? 1 : 0;
        }

        return Math.Clamp(1 - (chiSquared / total), 0, 1);
    }
}
