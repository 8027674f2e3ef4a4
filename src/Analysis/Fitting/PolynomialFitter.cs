using MathNet.Numerics.LinearAlgebra;

namespace LabCharts.Analysis;

/// <summary>
/// Polynomials of degree 1–10 by weighted or unweighted linear least squares, with or without the
/// constant term, on the monomials of x (the basis the results are reported in).
/// </summary>
internal static class PolynomialFitter
{
    public const int MaxDegree = 10;

    /// <summary>
    /// Fits; throws <c>too_few_points</c> when no degree of freedom would be left and
    /// <c>degenerate_x</c> when the x values cannot determine the coefficients.
    /// </summary>
    public static CurveFit Fit(double[] x, double[] y, double[]? sigma, int degree, bool withIntercept, InputField xField, IReadOnlyList<string>? names = null)
    {
        Check(x, degree, withIntercept, xField);
        var model = new PolynomialModel(degree, withIntercept, names);
        var p = model.Parameters.Count;
        var design = Matrix<double>.Build.Dense(x.Length, p, (i, j) =>
        {
            var power = j + (withIntercept ? 0 : 1);
            return power == 0 ? 1 : Math.Pow(x[i], power);
        });
        var solution = LinearLeastSquares.Solve(design, y, sigma) ?? throw AnalysisErrors.DegenerateX(xField, throughOrigin: !withIntercept);
        var residuals = solution.Residuals;

        var (chi, r2, adjusted) = FitStatistics.Compute(y, residuals, sigma, p, withIntercept);
        var dof = x.Length - p;
        var covariance = solution.Covariance;
        if (sigma is null)
        {
            var factor = chi / dof;
            covariance = [.. covariance.Select(row => row.Select(v => v * factor).ToArray())];
        }

        return new CurveFit(model, solution.Coefficients, covariance, chi, dof, r2, adjusted, sigma is not null, residuals);
    }

    /// <summary>
    /// What can be checked before fitting: the degree (1–10, <c>invalid_degree</c>), a degree of
    /// freedom left (<c>too_few_points</c>) and enough distinct x (<c>degenerate_x</c>).
    /// </summary>
    public static void Check(double[] x, int degree, bool withIntercept, InputField xField)
    {
        if (degree is < 1 or > MaxDegree)
        {
            throw AnalysisErrors.InvalidDegree(degree);
        }

        var needed = degree + (withIntercept ? 1 : 0) + 1;
        if (x.Length < needed)
        {
            throw AnalysisErrors.TooFewPoints(xField, x.Length, needed, $"{degree} 次多项式拟合", $"a polynomial of degree {degree}");
        }

        var distinct = x.Distinct().Count();
        if (distinct < degree + (withIntercept ? 1 : 0) || (!withIntercept && x.All(v => v == 0)))
        {
            throw AnalysisErrors.DegenerateX(xField, throughOrigin: !withIntercept);
        }
    }
}
