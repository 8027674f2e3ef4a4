namespace LabCharts.Analysis;

/// <summary>
/// y = A·e^(−t/τ) + y∞, the shape of RC charging and discharging and of Newton cooling, fitted by
/// Levenberg–Marquardt from the integral-equation guess. A guess that grows instead of decaying
/// is answered with <c>no_feature</c>.
/// </summary>
internal static class DecayFit
{
    private static readonly ExpressionModel Model = ExpressionModel.Parse("A*exp(-x/tau) + yinf");

    /// <summary>Fits; parameters (A, τ, y∞).</summary>
    /// <summary>Four points at least (three parameters and a degree of freedom); else <c>too_few_points</c>.</summary>
    public static void CheckPoints(MeasuredColumn t)
    {
        if (t.Count < 4)
        {
            throw AnalysisErrors.TooFewPoints(t.Field, t.Count, 4, "指数衰减拟合（3 个参数）", "an exponential decay (3 parameters)");
        }
    }

    public static CurveFit Fit(MeasuredColumn t, MeasuredColumn y)
    {
        CheckPoints(t);

        var guess = InitialGuess.Exponential(t.Values, y.Values);
        if (guess.Length != 3 || !(guess[1] < 0))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NoFeature, y.Field,
                $"{y.Field.NameZh}没有随时间按指数趋于稳定值，无法拟合时间常数。",
                $"{y.Field.NameEn} does not settle exponentially with time; no time constant can be fitted.",
                capitalize: true);
        }

        return NonlinearFitter.Fit(Model, t.Values, y.Values, y.HasUncertaintyEverywhere ? y.Uncertainties : null, [guess[0], -1 / guess[1], guess[2]], t.Field);
    }
}
