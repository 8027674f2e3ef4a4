namespace LabCharts.Analysis;

/// <summary>
/// A derived quantity as a formula of the fit parameters and the constants, e.g. g = 4π²/k or
/// E = 8·L·D/(π·d²·b·k). Its first-order uncertainty comes from the gradient, taken by central
/// differences (each step 10⁻⁶ of the variable): the propagated uncertainty is reported with two
/// significant figures, and the differences are good to ≈ 10⁻¹⁰, so hand-derived partials for
/// every formula would add risk and no digits.
/// </summary>
internal sealed record QuantityFormula(string Symbol, string NameZh, string NameEn, string Unit, Func<double[], double[], double> Formula)
{
    /// <summary>
    /// Evaluates the quantity and u² = ∇ₚfᵀ·Cov·∇ₚf + Σ(∂f/∂qᵢ·u(qᵢ))² (constants uncorrelated
    /// with the fit and each other); rounds it as the lab rules say.
    /// </summary>
    public DerivedQuantity Evaluate(
        CurveFit fit, double[] constants, double[] constantUncertainties, UncertaintyRounding rounding, double? reference = null)
    {
        var p = fit.Values;
        var value = Formula(p, constants);
        if (!double.IsFinite(value))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NotFinite, null,
                $"由拟合结果计算 {Symbol} 时得到无穷大或无效值，请检查数据。",
                $"Computing {Symbol} from the fit gives an infinite or undefined value; check the data.");
        }

        var gradient = new double[p.Length];
        for (var j = 0; j < p.Length; j++)
        {
            gradient[j] = Partial(p, j, v => Formula(v, constants));
        }

        var terms = new List<(double, double)>();
        for (var j = 0; j < constants.Length; j++)
        {
            if (constantUncertainties[j] > 0)
            {
                terms.Add((Partial(constants, j, v => Formula(p, v)), constantUncertainties[j]));
            }
        }

        var uncertainty = UncertaintyPropagation.Propagate(gradient, fit.Covariance, terms);
        if (!double.IsFinite(uncertainty))
        {
            uncertainty = 0;
        }

        return DerivedQuantityFactory.Create(Symbol, NameZh, NameEn, value, uncertainty, Unit, rounding, reference);
    }

    private static double Partial(double[] at, int index, Func<double[], double> f)
    {
        var step = 1e-6 * Math.Abs(at[index]);
        if (step == 0)
        {
            step = 1e-9;
        }

        var plus = (double[])at.Clone();
        var minus = (double[])at.Clone();
        plus[index] += step;
        minus[index] -= step;
        var derivative = (f(plus) - f(minus)) / (plus[index] - minus[index]);
        return double.IsFinite(derivative) ? derivative : 0;
    }
}
