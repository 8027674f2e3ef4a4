namespace LabCharts.Analysis;

/// <summary>
/// The statistics of a fit, serialized as the job result's <c>fit</c>. Every number is finite;
/// quantities that are undefined (reduced χ² with no degrees of freedom) are null.
/// </summary>
public sealed record FitSummary
{
    /// <summary>The model as Unicode text, e.g. <c>T² = k·L + c</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Fitted parameters in model order (slope <c>k</c> first, then intercept <c>c</c>).</summary>
    public required IReadOnlyList<FitParameter> Parameters { get; init; }

    /// <summary>Parameter covariance matrix in the order of <see cref="Parameters"/>, scaled as <see cref="ErrorScaling"/> says.</summary>
    public required double[][] Covariance { get; init; }

    /// <summary>
    /// Coefficient of determination; for a model without intercept the uncentred form
    /// 1 − Σw·r²/Σw·y² (as R's <c>lm</c> reports). 1 when the data leave nothing to explain and
    /// the fit is exact.
    /// </summary>
    public required double RSquared { get; init; }

    /// <summary>R² adjusted for the number of parameters; null with no degrees of freedom.</summary>
    public double? AdjustedRSquared { get; init; }

    /// <summary>Σ((y − ŷ)/σ)² for a weighted fit; the sum of squared residuals when no errors were given.</summary>
    public required double ChiSquared { get; init; }

    /// <summary>χ² divided by the degrees of freedom; null when there are none.</summary>
    public double? ReducedChiSquared { get; init; }

    /// <summary>Number of points minus number of parameters.</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>
    /// <c>absolute</c> when the points carried errors (weights 1/σ², covariance taken as is) or
    /// <c>scaled</c> when they did not (covariance multiplied by the reduced χ²).
    /// </summary>
    public required string ErrorScaling { get; init; }

    /// <summary>Residuals y − ŷ per point, in the y unit (not divided by σ).</summary>
    public required IReadOnlyList<double> Residuals { get; init; }

    /// <summary>Correlation matrix of the parameters (covariance normalised by the standard errors); null when not computed.</summary>
    public double[][]? Correlation { get; init; }

    /// <summary>
    /// How the fit was computed: <c>linear least squares (QR)</c>, <c>Levenberg–Marquardt</c> or
    /// <c>York</c> (errors in x and y); null when not stated.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>Iterations the nonlinear solver needed; null for linear fits.</summary>
    public int? Iterations { get; init; }
}
