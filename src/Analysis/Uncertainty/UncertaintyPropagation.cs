namespace LabCharts.Analysis;

/// <summary>
/// First-order (linear) propagation of uncertainty to a derived quantity f(p, q) of fitted
/// parameters p and independent constants q: u²(f) = ∇ₚfᵀ·Cov(p)·∇ₚf + Σ (∂f/∂qᵢ · u(qᵢ))².
/// The parameters' covariance matters: the slope and intercept of a line are strongly
/// correlated, and dropping the cross term would misstate quantities such as ν₀ = −c/k.
/// </summary>
public static class UncertaintyPropagation
{
    /// <summary>
    /// The standard uncertainty of f. <paramref name="parameterGradient"/> is ∂f/∂p in the order
    /// of <paramref name="covariance"/>; <paramref name="constantTerms"/> are the pairs
    /// (∂f/∂qᵢ, u(qᵢ)) of the constants, which are taken as uncorrelated with the fit and each other.
    /// </summary>
    public static double Propagate(
        IReadOnlyList<double> parameterGradient,
        double[][] covariance,
        IEnumerable<(double Derivative, double Uncertainty)>? constantTerms = null)
    {
        ArgumentNullException.ThrowIfNull(parameterGradient);
        ArgumentNullException.ThrowIfNull(covariance);
        if (covariance.Length != parameterGradient.Count || covariance.Any(row => row.Length != parameterGradient.Count))
        {
            throw new ArgumentException("The covariance must be square with one row per gradient entry.", nameof(covariance));
        }

        var variance = 0.0;
        for (var i = 0; i < parameterGradient.Count; i++)
        {
            for (var j = 0; j < parameterGradient.Count; j++)
            {
                variance += parameterGradient[i] * covariance[i][j] * parameterGradient[j];
            }
        }

        foreach (var (derivative, uncertainty) in constantTerms ?? [])
        {
            variance += derivative * uncertainty * derivative * uncertainty;
        }

        // A covariance that is positive semi-definite only up to rounding can give −1e−30.
        return Math.Sqrt(Math.Max(variance, 0));
    }
}
