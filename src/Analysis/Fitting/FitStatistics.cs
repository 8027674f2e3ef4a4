namespace LabCharts.Analysis;

/// <summary>R², adjusted R² and χ² from residuals, shared by every fitter so they agree on conventions.</summary>
internal static class FitStatistics
{
    /// <summary>
    /// Σ w·r² with w = 1/σ² (or 1), and R² centred on the weighted mean when the model has a
    /// constant term, else uncentred (1 − Σwr²/Σwy², as R's <c>lm</c> and NIST's NoInt problems).
    /// R² is 1 for an exact fit of constant data.
    /// </summary>
    public static (double ChiSquared, double RSquared, double? Adjusted) Compute(
        double[] y, double[] residuals, double[]? sigma, int parameterCount, bool centred)
    {
        var n = y.Length;
        var weight = sigma is null ? Enumerable.Repeat(1.0, n).ToArray() : sigma.Select(s => 1 / (s * s)).ToArray();
        var chi = 0.0;
        for (var i = 0; i < n; i++)
        {
            chi += weight[i] * residuals[i] * residuals[i];
        }

        var totalWeight = weight.Sum();
        var mean = centred ? y.Select((v, i) => weight[i] * v).Sum() / totalWeight : 0;
        var total = y.Select((v, i) => weight[i] * (v - mean) * (v - mean)).Sum();
        double rSquared;
        if (!(total > 0))
        {
            var scale = y.Select((v, i) => weight[i] * v * v).Sum();
            rSquared = chi <= 1e-20 * scale ? 1 : 0;
        }
        else
        {
            rSquared = Math.Clamp(1 - (chi / total), 0, 1);
        }

        var dof = n - parameterCount;
        double? adjusted = dof > 0 ? 1 - ((1 - rSquared) * (n - (centred ? 1 : 0)) / dof) : null;
        return (chi, rSquared, adjusted);
    }
}
