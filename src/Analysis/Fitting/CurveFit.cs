using MathNet.Numerics.Distributions;

namespace LabCharts.Analysis;

/// <summary>
/// A fitted model with everything the statistics need: parameter values, covariance (already
/// scaled by χ²/dof when the fit was unweighted), χ², degrees of freedom, R² and residuals.
/// Produced by the polynomial fitter, the Levenberg–Marquardt solver and York regression alike.
/// </summary>
internal sealed record CurveFit(
    IFitModel Model,
    double[] Values,
    double[][] Covariance,
    double ChiSquared,
    int DegreesOfFreedom,
    double RSquared,
    double? AdjustedRSquared,
    bool Weighted,
    double[] Residuals,
    int Iterations = 0)
{
    private readonly double? _parameterDegreesOfFreedom;
    private readonly bool _parameterDegreesOfFreedomSet;

    /// <summary>
    /// The variance of each residual y_i − f(x_i) when the fitter knows it better than σ_i² − gᵀCg (逐差法: the
    /// least-squares leverage; York: the effective variance σ_y² + k²σ_x²); null to use that formula.
    /// </summary>
    public IReadOnlyList<double>? ResidualVariances { get; init; }

    /// <summary>gᵀ·C·g at x: the variance of the fitted curve's value there (delta method).</summary>
    public double Variance(double x)
    {
        var g = new double[Values.Length];
        Model.Gradient(x, Values, g);
        var variance = 0.0;
        for (var i = 0; i < g.Length; i++)
        {
            for (var j = 0; j < g.Length; j++)
            {
                variance += g[i] * Covariance[i][j] * g[j];
            }
        }

        return double.IsFinite(variance) ? Math.Max(variance, 0) : 0;
    }

    public double? ReducedChiSquared => DegreesOfFreedom > 0 ? ChiSquared / DegreesOfFreedom : null;

    /// <summary>
    /// Degrees of freedom of the covariance, for Welch–Satterthwaite: the fit's when it was scaled from
    /// the scatter, null (infinite) when the points' errors were taken as known; 逐差法 sets its own.
    /// </summary>
    public double? ParameterDegreesOfFreedom
    {
        get => _parameterDegreesOfFreedomSet ? _parameterDegreesOfFreedom : Weighted || DegreesOfFreedom <= 0 ? null : DegreesOfFreedom;
        init
        {
            _parameterDegreesOfFreedom = value;
            _parameterDegreesOfFreedomSet = true;
        }
    }

    public string ErrorScaling => Weighted ? "absolute" : "scaled";

    public double StandardError(int index) => Math.Sqrt(Math.Max(Covariance[index][index], 0));

    public double Evaluate(double x) => Model.Evaluate(x, Values);

    /// <summary>
    /// Half-width of the 95 % confidence band of the curve at x (delta method):
    /// q·√(gᵀ·C·g) with g = ∂f/∂p. q is Student's t at the fit's degrees of freedom when the
    /// covariance was scaled from the scatter, the normal 1.96 when the errors were given.
    /// </summary>
    public double ConfidenceHalfWidth(double x)
    {
        var result = Quantile * Math.Sqrt(Variance(x));
        return double.IsFinite(result) ? result : 0;
    }

    /// <summary>
    /// Half-width of the 95 % prediction band for one new measurement at x: the confidence
    /// variance plus the scatter of a single point, χ²/dof (scaled fits: the residual variance;
    /// weighted fits: the mean σ² times the reduced χ²).
    /// </summary>
    public double PredictionHalfWidth(double x, double pointVariance)
    {
        var result = Quantile * Math.Sqrt(Variance(x) + pointVariance);
        return double.IsFinite(result) ? result : 0;
    }

    /// <summary>The two-sided 95 % quantile used by the bands.</summary>
    public double Quantile => Weighted || DegreesOfFreedom <= 0 ? 1.959963984540054 : StudentT.InvCDF(0, 1, DegreesOfFreedom, 0.975);
}
