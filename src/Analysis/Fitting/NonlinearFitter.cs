namespace LabCharts.Analysis;

/// <summary>
/// Fits a nonlinear model by Levenberg–Marquardt and turns the solution into a <see cref="CurveFit"/>:
/// covariance (JᵀWJ)⁻¹ at the minimum (scaled by χ²/dof when no errors were given), χ², R²
/// (centred), residuals. Throws <c>fit_did_not_converge</c> with the reason when the solver fails.
/// </summary>
internal static class NonlinearFitter
{
    /// <summary>A model with m parameters needs m + 1 points (one degree of freedom); else <c>too_few_points</c>.</summary>
    public static void CheckPoints(int parameters, int points, InputField xField)
    {
        if (points < parameters + 1)
        {
            throw AnalysisErrors.TooFewPoints(xField, points, parameters + 1, $"{parameters} 个参数的模型", $"a model with {parameters} parameters");
        }
    }

    public static CurveFit Fit(
        IFitModel model, double[] x, double[] y, double[]? sigma, double[] start, InputField xField,
        double[]? lower = null, double[]? upper = null)
    {
        var m = model.Parameters.Count;
        CheckPoints(m, x.Length, xField);

        var result = LevenbergMarquardt.Minimize(model, x, y, sigma, start, lower, upper);
        if (!result.Converged)
        {
            throw result.Reason switch
            {
                "start" => AnalysisErrors.FitDidNotConverge("模型在初始值处无法计算（得到 NaN 或 ∞）", "the model cannot be evaluated at the initial guesses (NaN or ∞)"),
                "iterations" => AnalysisErrors.FitDidNotConverge($"迭代 {result.Iterations} 次后仍未收敛", $"no convergence after {result.Iterations} iterations"),
                _ => AnalysisErrors.FitDidNotConverge("迭代停滞，残差无法继续减小", "the iteration stalled before reaching a minimum"),
            };
        }

        var p = result.Parameters;
        var svd = LevenbergMarquardt.WeightedJacobianSvd(model, x, sigma, p)
            ?? throw AnalysisErrors.FitDidNotConverge("在拟合结果处模型的导数无法计算", "the model's derivatives cannot be evaluated at the result");
        var s = svd.S;

        // Parameters the data cannot tell apart (a singular value at rounding level) make the
        // covariance meaningless: report it as a failed fit instead of printing ±10³⁰.
        if (!(s[m - 1] > 1e-13 * s[0]))
        {
            throw AnalysisErrors.FitDidNotConverge("参数之间线性相关，数据无法确定全部参数", "the parameters are not independently determined by the data");
        }

        var residuals = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            residuals[i] = y[i] - model.Evaluate(x[i], p);
        }

        var (chi, r2, adjusted) = FitStatistics.Compute(y, residuals, sigma, m, centred: true);
        var dof = x.Length - m;
        var factor = sigma is null ? chi / dof : 1;
        var covariance = new double[m][];
        for (var i = 0; i < m; i++)
        {
            covariance[i] = new double[m];
            for (var j = 0; j < m; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < m; k++)
                {
                    sum += svd.V[i + (k * m)] * svd.V[j + (k * m)] / (s[k] * s[k]);
                }

                covariance[i][j] = sum * factor;
            }
        }

        return new CurveFit(model, p, covariance, chi, dof, r2, adjusted, sigma is not null, residuals, result.Iterations);
    }
}
