namespace LabCharts.Analysis;

/// <summary>
/// The result of a straight-line least-squares fit y = k·x + c (c = 0 through the origin).
/// <see cref="Covariance"/> is ordered (k, c), or just (k) through the origin, and already
/// scaled by the reduced χ² when the fit was unweighted.
/// </summary>
internal sealed record StraightLineFit(
    double Slope,
    double Intercept,
    bool HasIntercept,
    double[][] Covariance,
    double ChiSquared,
    int DegreesOfFreedom,
    double RSquared,
    double? AdjustedRSquared,
    bool Weighted,
    double[] Residuals)
{
    public double SlopeError => Math.Sqrt(Covariance[0][0]);

    public double InterceptError => HasIntercept ? Math.Sqrt(Covariance[1][1]) : 0;

    public double? ReducedChiSquared => DegreesOfFreedom > 0 ? ChiSquared / DegreesOfFreedom : null;

    public string ErrorScaling => Weighted ? "absolute" : "scaled";

    public double Evaluate(double x) => (Slope * x) + Intercept;

    /// <summary>The same fit as a general <see cref="CurveFit"/> (parameters k, c).</summary>
    public CurveFit ToCurveFit() => new(
        new LineModel(HasIntercept),
        HasIntercept ? [Slope, Intercept] : [Slope],
        Covariance,
        ChiSquared,
        DegreesOfFreedom,
        RSquared,
        AdjustedRSquared,
        Weighted,
        Residuals);
}
