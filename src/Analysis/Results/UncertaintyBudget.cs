namespace LabCharts.Analysis;

/// <summary>
/// How a derived quantity's uncertainty is made up: the formula, each input's value, standard
/// uncertainty, sensitivity coefficient c = ∂f/∂x and contribution |c|·u(x), the combined standard
/// uncertainty and, when asked for, the expanded one. For correlated fit parameters (slope and
/// intercept) a <c>correlation</c> term carries 2·c_k·c_c·cov(k, c), which may be negative.
/// </summary>
public sealed record UncertaintyBudget(string Formula, IReadOnlyList<BudgetTerm> Terms, double Combined)
{
    /// <summary>U = k·u_c at a stated level; null when only standard uncertainties were asked for.</summary>
    public ExpandedUncertainty? Expanded { get; init; }

    /// <summary>Effective degrees of freedom by Welch–Satterthwaite; null when infinite (only type B and absolute fits).</summary>
    public double? EffectiveDegreesOfFreedom { get; init; }
}

/// <summary>
/// One line of a budget. <see cref="Kind"/>: <c>parameter</c> (a fit parameter such as the slope k),
/// <c>constant</c> (a constant of the request) or <c>correlation</c> (the fit parameters' cross term:
/// its <see cref="Contribution"/> is the signed variance 2·c_i·c_j·cov, and value, uncertainty and
/// sensitivity are 0).
/// </summary>
public sealed record BudgetTerm(string Symbol, string Kind, double Value, double Uncertainty, string Unit, double Sensitivity, double Contribution);

/// <summary>An expanded uncertainty U = k·u_c at <see cref="Level"/>, with the coverage factor and its origin.</summary>
public sealed record ExpandedUncertainty(double Level, double K, double Uncertainty, string Formatted)
{
    /// <summary><c>t</c> when k = t_p(ν_eff), <c>normal</c> when ν_eff is infinite, <c>fixed</c> when the request gave k.</summary>
    public required string CoverageFrom { get; init; }
}
