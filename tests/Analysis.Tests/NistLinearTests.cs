using LabCharts.Analysis.Tests.Nist;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// NIST StRD linear regression (https://www.itl.nist.gov/div898/strd/lls/lls.shtml): certified
/// coefficients and standard deviations to ≥ 9 significant digits, Filip (degree 10, the
/// hardest) to ≥ 7. Longley has six predictors and is outside a one-variable polynomial fitter.
/// </summary>
public sealed class NistLinearTests
{
    [Theory]
    [InlineData("Norris", 9)]
    [InlineData("Pontius", 9)]
    [InlineData("NoInt1", 9)]
    [InlineData("NoInt2", 9)]
    [InlineData("Filip", 7)]
    [InlineData("Wampler1", 9)]
    [InlineData("Wampler2", 9)]
    [InlineData("Wampler3", 9)]
    [InlineData("Wampler4", 9)]
    [InlineData("Wampler5", 9)]
    public void Fit_NistProblem_MatchesCertifiedValuesAndStandardErrors(string name, double digits)
    {
        var problem = NistData.Load(name);
        var fit = PolynomialFitter.Fit(problem.XVector, problem.Y, null, problem.Degree!.Value, problem.Intercept!.Value, InputField.Column("x"));

        for (var j = 0; j < problem.Certified.Length; j++)
        {
            var value = NistData.Digits(fit.Values[j], problem.Certified[j]);
            Assert.True(value >= digits, $"{name} {problem.ParameterNames[j]}: {value:F1} digits ({fit.Values[j]:R} vs {problem.Certified[j]:R})");

            // Wampler1/2 are exact fits with certified SE 0: ours must be negligible next to the value.
            var se = fit.StandardError(j);
            var seDigits = problem.CertifiedStdDev[j] == 0
                ? NistData.Digits(se / Math.Max(1, Math.Abs(problem.Certified[j])), 0)
                : NistData.Digits(se, problem.CertifiedStdDev[j]);
            Assert.True(seDigits >= digits, $"{name} SE({problem.ParameterNames[j]}): {seDigits:F1} digits ({se:R} vs {problem.CertifiedStdDev[j]:R})");
        }

        Assert.True(NistData.Digits(fit.ChiSquared, problem.ResidualSumOfSquares) >= (problem.ResidualSumOfSquares == 0 ? 0 : digits - 1));
    }
}
