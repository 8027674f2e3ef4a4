namespace LabCharts.Analysis;

/// <summary>
/// York regression: the straight line y = k·x + c when both x and y carry standard uncertainties
/// (uncorrelated), by the iteration of York, Evensen, Martínez López and Delgado (Am. J. Phys.
/// 72, 367 (2004)), with their standard errors of slope and intercept. Ordinary least squares
/// would bias the slope towards 0 whenever the x errors matter.
/// </summary>
internal static class YorkFitter
{
    public static CurveFit Fit(double[] x, double[] y, double[] sigmaX, double[] sigmaY, InputField xField)
    {
        StraightLineFitter.CheckFittable(x, xField, withIntercept: true);
        if (sigmaX.Concat(sigmaY).Any(s => !(s > 0)))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NegativeError, xField,
                "York 回归需要每个点的 x 与 y 都有大于 0 的不确定度。", "York regression needs an uncertainty > 0 on x and on y for every point.");
        }

        var n = x.Length;
        var wx = sigmaX.Select(s => 1 / (s * s)).ToArray();
        var wy = sigmaY.Select(s => 1 / (s * s)).ToArray();

        // Start from the ordinary least-squares slope.
        var b = StraightLineFitter.Fit(x, y, null, withIntercept: true, xField).Slope;
        var w = new double[n];
        var beta = new double[n];
        double xBar = 0, yBar = 0;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                w[i] = wx[i] * wy[i] / (wx[i] + (b * b * wy[i]));
            }

            var sumW = w.Sum();
            xBar = w.Select((wi, i) => wi * x[i]).Sum() / sumW;
            yBar = w.Select((wi, i) => wi * y[i]).Sum() / sumW;
            double numerator = 0, denominator = 0;
            for (var i = 0; i < n; i++)
            {
                var u = x[i] - xBar;
                var v = y[i] - yBar;
                beta[i] = w[i] * ((u / wy[i]) + (b * v / wx[i]));
                numerator += w[i] * beta[i] * v;
                denominator += w[i] * beta[i] * u;
            }

            var next = numerator / denominator;
            var done = Math.Abs(next - b) <= 1e-15 * Math.Abs(next);
            b = next;
            if (done)
            {
                break;
            }
        }

        var a = yBar - (b * xBar);

        // Standard errors from the adjusted x values X̄ + βᵢ (York et al. 2004, eqs. 13).
        var totalW = w.Sum();
        var adjustedMean = w.Select((wi, i) => wi * (xBar + beta[i])).Sum() / totalW;
        var spread = w.Select((wi, i) => wi * Math.Pow(xBar + beta[i] - adjustedMean, 2)).Sum();
        var varianceB = 1 / spread;
        var varianceA = (1 / totalW) + (adjustedMean * adjustedMean * varianceB);
        var covarianceAB = -adjustedMean * varianceB;

        var residuals = x.Select((xi, i) => y[i] - ((b * xi) + a)).ToArray();
        var chi = residuals.Select((r, i) => w[i] * r * r).Sum();
        var sigmaEffective = w.Select(wi => 1 / Math.Sqrt(wi)).ToArray();
        var (_, r2, adjusted) = FitStatistics.Compute(y, residuals, sigmaEffective, 2, centred: true);
        var fit = new CurveFit(
            new LineModel(true), [b, a], [[varianceB, covarianceAB], [covarianceAB, varianceA]], chi, n - 2, r2, adjusted, Weighted: true, residuals);

        // A residual's variance is the effective 1/wᵢ = σ_y² + b²σ_x² less the line's own variance there.
        return fit with { ResidualVariances = [.. x.Select((xi, i) => (1 / w[i]) - fit.Variance(xi))] };
    }
}
