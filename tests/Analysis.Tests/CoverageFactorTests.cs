using LabCharts.Analysis;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// The t factor and the coverage factor against published tables and closed forms — never against
/// the code's own output.
/// </summary>
public sealed class CoverageFactorTests
{
    // Two-sided Student t, p = 0.95, as every statistics table prints it (3 decimals).
    [Theory]
    [InlineData(1, 12.706)]
    [InlineData(2, 4.303)]
    [InlineData(3, 3.182)]
    [InlineData(4, 2.776)]
    [InlineData(5, 2.571)]
    [InlineData(6, 2.447)]
    [InlineData(7, 2.365)]
    [InlineData(8, 2.306)]
    [InlineData(9, 2.262)]
    [InlineData(10, 2.228)]
    [InlineData(15, 2.131)]
    [InlineData(20, 2.086)]
    [InlineData(30, 2.042)]
    public void StudentT_95_MatchesThePrintedTable(int freedom, double printed) =>
        Assert.Equal(printed, Math.Round(CoverageFactor.StudentT(0.95, freedom), 3));

    // JCGM 100:2008 (GUM), Table G.2, column p = 68.27 % (2 decimals).
    [Theory]
    [InlineData(1, 1.84)]
    [InlineData(2, 1.32)]
    [InlineData(3, 1.20)]
    [InlineData(4, 1.14)]
    [InlineData(5, 1.11)]
    [InlineData(6, 1.09)]
    [InlineData(7, 1.08)]
    [InlineData(8, 1.07)]
    [InlineData(9, 1.06)]
    [InlineData(10, 1.05)]
    [InlineData(20, 1.03)]
    [InlineData(50, 1.01)]
    public void StudentT_6827_MatchesGumTableG2(int freedom, double printed) =>
        Assert.Equal(printed, Math.Round(CoverageFactor.StudentT(0.6827, freedom), 2));

    // p = 0.683, the level Chinese lab manuals print as "t_0.683": their tables give 2 decimals (1.84 1.32 1.20 1.14
    // 1.11 1.09 1.08 1.07 1.06 1.05 for ν = 1 … 10); the 3-decimal column is an independent Simpson quadrature of the
    // t density solved by bisection (WorkedExamples.md §3.1): 1.83947 1.32240 1.19780 1.14246 1.11130 1.09133 1.07746
    // 1.06726 1.05945 1.05327.
    [Theory]
    [InlineData(1, 1.839, 1.84)]
    [InlineData(2, 1.322, 1.32)]
    [InlineData(3, 1.198, 1.20)]
    [InlineData(4, 1.142, 1.14)]
    [InlineData(5, 1.111, 1.11)]
    [InlineData(6, 1.091, 1.09)]
    [InlineData(7, 1.077, 1.08)]
    [InlineData(8, 1.067, 1.07)]
    [InlineData(9, 1.059, 1.06)]
    [InlineData(10, 1.053, 1.05)]
    public void StudentT_683_ThreeDecimalsAndThePrintedTable(int freedom, double threeDecimals, double printed)
    {
        var t = CoverageFactor.StudentT(0.683, freedom);
        Assert.Equal(threeDecimals, Math.Round(t, 3));
        Assert.Equal(printed, Math.Round(t, 2));
    }

    [Fact]
    public void StudentT_ClosedForms_OneAndTwoDegreesOfFreedom()
    {
        // ν = 1 is the Cauchy distribution: t_p = tan(πp/2). ν = 2: P(|T| ≤ t) = t/√(2 + t²), so t_p = p√2/√(1 − p²).
        foreach (var p in new[] { 0.683, 0.95, 0.99 })
        {
            var cauchy = Math.Tan(Math.PI * p / 2);
            var two = p * Math.Sqrt(2) / Math.Sqrt(1 - (p * p));
            Assert.InRange(CoverageFactor.StudentT(p, 1), cauchy * (1 - 1e-9), cauchy * (1 + 1e-9));
            Assert.InRange(CoverageFactor.StudentT(p, 2), two * (1 - 1e-9), two * (1 + 1e-9));
        }
    }

    [Fact]
    public void TypeA_WithTheTFactor_FiveReadings_WorkedByHand()
    {
        // Readings 10.2, 10.4, 10.3, 10.5, 10.1: mean 10.30; deviations −0.1, 0.1, 0, 0.2, −0.2;
        // Σd² = 0.10, s = √(0.10/4) = 0.158114, s/√5 = 0.070711.
        // t_0.95(4) = 2.776 (table) → 0.196293…; t_0.683(4) = 1.142 → 0.0807…
        double[] readings = [10.2, 10.4, 10.3, 10.5, 10.1];
        Assert.Equal(0.070711, StandardUncertainty.TypeA(readings), 6);
        Assert.Equal(2.776 * 0.0707107, CoverageFactor.TypeA(readings, 0.95), 3);
        Assert.Equal(1.142 * 0.0707107, CoverageFactor.TypeA(readings, 0.683), 3);
        Assert.Equal(0, CoverageFactor.TypeA([10.2], 0.95));
    }

    [Fact]
    public void Normal_CoverageFactors_AreTheTextbookOnes()
    {
        Assert.Equal(1.960, Math.Round(CoverageFactor.Normal(0.95), 3));
        Assert.Equal(2.576, Math.Round(CoverageFactor.Normal(0.99), 3));
        Assert.Equal(1.000, Math.Round(CoverageFactor.Normal(0.6827), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageFactor.Normal(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoverageFactor.StudentT(0.95, 0));
    }
}
