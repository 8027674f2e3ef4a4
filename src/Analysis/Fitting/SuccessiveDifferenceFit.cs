using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// 逐差法 (successive differences) for an equally spaced straight line y = k·x + c, as lab manuals
/// teach it for Young's modulus, the speed of sound and the like. With n = 2m points x_i = x_1 + (i − 1)·h,
/// pair point i with point i + m: δ_i = y_{i+m} − y_i (i = 1 … m) each spans m·h, so
/// k = δ̄/(m·h). The differences are m independent measurements of one interval: type A
/// u_A = s_δ/√m (times t_p(m − 1) under the t convention), type B u_B = Δ_y/√3 (one instrument error for
/// a difference read on one scale, the manuals' convention), u(δ̄) = √(u_A² + u_B²), u(k) = u(δ̄)/(m·h).
/// The intercept c = ȳ − k·x̄ draws the line (u²(c) = s_r²/n + x̄²·u²(k), cov(k, c) = −x̄·u²(k), s_r from
/// the residuals about it). The slope's degrees of freedom for an expanded uncertainty are
/// Welch–Satterthwaite's: u⁴(δ̄)·(m − 1)/u_A⁴.
/// </summary>
internal static class SuccessiveDifferenceFit
{
    /// <summary>The method as <see cref="FitSummary.Method"/> states it.</summary>
    public const string MethodName = LineMethods.SuccessiveDifferencesDescription;

    /// <summary>The request's line method applied: least squares (no working) or 逐差法 with its working.</summary>
    public static (CurveFit Fit, SuccessiveDifferences? Working) FitAsAsked(LineData line, ExperimentInput input, bool withIntercept = true)
    {
        if (input.Method != LineMethod.SuccessiveDifferences)
        {
            return (line.Fit(withIntercept), null);
        }

        var (fit, working) = Fit(line, input.Uncertainty);
        return (fit, working);
    }

    /// <summary>Relative tolerance of the step: x values typed to 3–4 figures stay equal within it.</summary>
    public const double SpacingTolerance = 1e-3;

    /// <summary>Throws <c>too_few_points</c>, <c>odd_point_count</c> or <c>unequal_spacing</c> when the line cannot be paired.</summary>
    public static void Check(LineData line)
    {
        var x = line.X;
        if (x.Length < 4)
        {
            throw AnalysisErrors.TooFewPoints(line.XField, x.Length, 4, "逐差法", "the method of successive differences");
        }

        if (x.Length % 2 != 0)
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.OddPointCount, line.XField,
                $"逐差法需要偶数个数据点，现有 {x.Length} 个：请去掉第 1 个点（{Number(x[0])}）或最后一个、第 {x.Length} 个点（{Number(x[^1])}）后再提交（通常去掉第 1 个）。",
                $"The method of successive differences needs an even number of points, but there are {x.Length}: drop the first point ({Number(x[0])}) or the last, point {x.Length} ({Number(x[^1])}), and submit again (usually the first).");
        }

        var step = (x[^1] - x[0]) / (x.Length - 1);
        for (var i = 1; i < x.Length; i++)
        {
            if (Math.Abs(x[i] - x[i - 1] - step) > SpacingTolerance * Math.Abs(step))
            {
                throw AnalysisErrors.Custom(
                    AnalysisErrorCodes.UnequalSpacing, line.XField,
                    $"逐差法要求 {line.XField.NameZh}等间距，但第 {i} 与第 {i + 1} 个点之差是 {Number(x[i] - x[i - 1])}，平均间距是 {Number(step)}。请改用最小二乘法（method: least_squares）。",
                    $"The method of successive differences needs equally spaced x ({line.XField.NameEn}), but points {i} and {i + 1} differ by {Number(x[i] - x[i - 1])} against a mean step of {Number(step)}. Use least squares (method: least_squares) instead.");
            }
        }
    }

    /// <summary>Pairs the points and returns the line as a fit (for the chart and the quantities) with the working.</summary>
    public static (CurveFit Fit, SuccessiveDifferences Working) Fit(LineData line, UncertaintyConvention convention)
    {
        Check(line);
        var (x, y) = (line.X, line.Y);
        var n = x.Length;
        var m = n / 2;
        var step = (x[^1] - x[0]) / (n - 1);
        var pairs = Enumerable.Range(0, m).Select(i => new DifferencePair(i + 1, i + m + 1, y[i + m] - y[i])).ToArray();
        var differences = pairs.Select(p => p.Difference).ToArray();
        var mean = StandardUncertainty.Mean(differences);
        var plainTypeA = StandardUncertainty.TypeA(differences);
        var typeA = convention.TypeAFactor(m) * plainTypeA;
        var typeB = line.YTypeB;
        var combined = StandardUncertainty.Combine(typeA, typeB);
        var span = m * step;
        var slope = mean / span;
        var slopeU = combined / Math.Abs(span);

        var xMean = StandardUncertainty.Mean(x);
        var yMean = StandardUncertainty.Mean(y);
        var intercept = yMean - (slope * xMean);
        var residuals = new double[n];
        var ssr = 0.0;
        var sst = 0.0;
        for (var i = 0; i < n; i++)
        {
            residuals[i] = y[i] - ((slope * x[i]) + intercept);
            ssr += residuals[i] * residuals[i];
            sst += (y[i] - yMean) * (y[i] - yMean);
        }

        var residualVariance = ssr / (n - 2);
        var slopeVariance = slopeU * slopeU;
        double[][] covariance =
        [
            [slopeVariance, -xMean * slopeVariance],
            [-xMean * slopeVariance, (residualVariance / n) + (xMean * xMean * slopeVariance)],
        ];
        var rSquared = sst > 0 ? 1 - (ssr / sst) : 1;
        var fit = new CurveFit(new LineModel(true), [slope, intercept], covariance, ssr, n - 2, rSquared, 1 - ((1 - rSquared) * (n - 1) / (n - 2)), false, residuals)
        {
            // The plain s_δ/√m part carries the m − 1 degrees of freedom (a t factor is not a contribution of its own).
            ParameterDegreesOfFreedom = CoverageFactor.EffectiveDegreesOfFreedom(StandardUncertainty.Combine(plainTypeA, typeB), plainTypeA, m - 1),
            ResidualVariances = ResidualVariances(x, residualVariance),
        };
        var standardDeviation = plainTypeA * Math.Sqrt(m);
        return (fit, new SuccessiveDifferences(step, pairs, mean, standardDeviation, typeA, typeB, combined, slope, slopeU));
    }

    // The points' residual variances about a line through them: s_r²·(1 − h_i), h_i = 1/n + (x_i − x̄)²/Sxx (the
    // least-squares leverage; the 逐差 covariance holds u(δ̄), type B and any t factor, so it cannot stand in).
    private static double[] ResidualVariances(double[] x, double residualVariance)
    {
        var mean = StandardUncertainty.Mean(x);
        var sxx = x.Sum(v => (v - mean) * (v - mean));
        return [.. x.Select(v => residualVariance * (1 - (1.0 / x.Length) - ((v - mean) * (v - mean) / sxx)))];
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
