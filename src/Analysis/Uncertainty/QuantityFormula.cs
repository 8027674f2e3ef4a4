namespace LabCharts.Analysis;

/// <summary>
/// A derived quantity as a formula of the fit parameters and the constants, e.g. g = 4π²/k or
/// E = 8·L·D/(π·d²·b·k). Its first-order uncertainty comes from the gradient, taken by central
/// differences (each step 10⁻⁶ of the variable): the propagated uncertainty is reported with two
/// significant figures, and the differences are good to ≈ 10⁻¹⁰, so hand-derived partials for
/// every formula would add risk and no digits.
/// </summary>
/// <remarks>
/// The constants are named by <see cref="Constants"/> (their order is q's). A constant the request
/// did not give and that has no default leaves the quantity out with a <c>quantityOmitted</c> note:
/// a constant only a quantity needs is optional. <see cref="Text"/> is the formula as a lab report
/// prints it, plain Unicode (<c>g = 4π²/k</c>).
/// </remarks>
internal sealed record QuantityFormula(string Symbol, string NameZh, string NameEn, string Unit, string Text, Func<double[], double[], double> Formula)
{
    /// <summary>The constants' keys in the order the formula's q takes them.</summary>
    public IReadOnlyList<string> Constants { get; init; } = [];

    /// <summary>
    /// Evaluates the quantity and u² = ∇ₚfᵀ·Cov·∇ₚf + Σ(∂f/∂qᵢ·u(qᵢ))² (constants uncorrelated with the
    /// fit and each other), with its budget and, when the request asks, its expanded uncertainty;
    /// rounds it as the lab rules say. Null (and a note on <paramref name="input"/>) when a constant is missing.
    /// </summary>
    public DerivedQuantity? Evaluate(CurveFit fit, ValidatedInput input, double? reference = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(input);
        var missing = Constants.Where(key => input.Optional(key) is null).ToList();
        if (missing.Count > 0)
        {
            input.Notes.AddRange(missing.Select(key => AnalysisNote.QuantityOmitted(Symbol, NameZh, input.Entry.Definition.Constants.First(c => c.Key == key))));
            return null;
        }

        var (constants, constantUncertainties) = input.ConstantVector([.. Constants]);
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

        var terms = new List<BudgetTerm>();
        for (var j = 0; j < p.Length; j++)
        {
            if (gradient[j] != 0)
            {
                terms.Add(new BudgetTerm(fit.Model.Parameters[j], "parameter", p[j], fit.StandardError(j), "", gradient[j], Math.Abs(gradient[j]) * fit.StandardError(j)));
            }
        }

        var cross = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = i + 1; j < p.Length; j++)
            {
                cross += 2 * gradient[i] * gradient[j] * fit.Covariance[i][j];
            }
        }

        if (cross != 0 && double.IsFinite(cross))
        {
            terms.Add(new BudgetTerm("cov(" + string.Join(", ", terms.Select(t => t.Symbol)) + ")", "correlation", 0, 0, "", 0, cross));
        }

        var constantTerms = new List<(double, double)>();
        for (var j = 0; j < constants.Length; j++)
        {
            var derivative = Partial(constants, j, v => Formula(p, v));
            var definition = input.Entry.Definition.Constants.First(c => c.Key == Constants[j]);
            terms.Add(new BudgetTerm(Constants[j], "constant", constants[j], constantUncertainties[j], definition.Unit, derivative, Math.Abs(derivative) * constantUncertainties[j]));
            constantTerms.Add((derivative, constantUncertainties[j]));
        }

        var fromFit = UncertaintyPropagation.Propagate(gradient, fit.Covariance);
        var uncertainty = UncertaintyPropagation.Propagate(gradient, fit.Covariance, constantTerms);
        if (!double.IsFinite(uncertainty))
        {
            uncertainty = 0;
        }

        // Welch–Satterthwaite: only the fit's part has finite degrees of freedom (constants are type B).
        var dof = CoverageFactor.EffectiveDegreesOfFreedom(uncertainty, fromFit, fit.ParameterDegreesOfFreedom);
        return DerivedQuantityFactory.Create(Symbol, NameZh, NameEn, value, uncertainty, Unit, input.Input, reference, new UncertaintyBudget(Text, terms, uncertainty)
        {
            EffectiveDegreesOfFreedom = dof,
        });
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
