namespace LabCharts.Analysis.Tests;

public sealed class StraightLineFitterTests
{
    private static readonly InputField X = InputField.Column("x");

    // Unweighted, with intercept. x = 1, 2, 3, 4; y = 2.1, 3.9, 6.2, 7.8 (n = 4)
    //   Σx = 10, Σy = 20.0, Σx² = 30, Σxy = 2.1 + 7.8 + 18.6 + 31.2 = 59.7
    //   D = nΣx² − (Σx)² = 120 − 100 = 20
    //   k = (nΣxy − ΣxΣy)/D = (238.8 − 200)/20 = 1.94
    //   c = (Σy − kΣx)/n = (20 − 19.4)/4 = 0.15
    //   residuals y − (1.94x + 0.15) = 0.01, −0.13, 0.23, −0.11
    //   SSR = 0.0001 + 0.0169 + 0.0529 + 0.0121 = 0.082; s² = SSR/(n − 2) = 0.041
    //   SE(k) = √(n·s²/D) = √(4·0.041/20) = √0.0082 = 0.0905539
    //   SE(c) = √(s²·Σx²/D) = √(0.041·30/20) = √0.0615 = 0.2479919
    //   cov(k, c) = −s²·Σx/D = −0.041·10/20 = −0.0205
    //   SST = Σ(y − 5)² = 8.41 + 1.21 + 1.44 + 7.84 = 18.9; R² = 1 − 0.082/18.9 = 0.9956614
    //   adjusted R² = 1 − (1 − R²)·(n − 1)/(n − 2) = 0.9934921
    [Fact]
    public void Fit_UnweightedWithIntercept_MatchesHandWorkedExample()
    {
        var fit = StraightLineFitter.Fit([1, 2, 3, 4], [2.1, 3.9, 6.2, 7.8], null, withIntercept: true, X);

        Assert.Equal(1.94, fit.Slope, 1e-12);
        Assert.Equal(0.15, fit.Intercept, 1e-12);
        Assert.Equal(0.0905539, fit.SlopeError, 1e-7);
        Assert.Equal(0.2479919, fit.InterceptError, 1e-7);
        Assert.Equal(-0.0205, fit.Covariance[0][1], 1e-12);
        Assert.Equal(-0.0205, fit.Covariance[1][0], 1e-12);
        Assert.Equal(0.082, fit.ChiSquared, 1e-12);
        Assert.Equal(2, fit.DegreesOfFreedom);
        Assert.Equal(0.041, fit.ReducedChiSquared!.Value, 1e-12);
        Assert.Equal(0.9956614, fit.RSquared, 1e-7);
        Assert.Equal(0.9934921, fit.AdjustedRSquared!.Value, 1e-7);
        Assert.Equal("scaled", fit.ErrorScaling);
        Assert.Equal([0.01, -0.13, 0.23, -0.11], fit.Residuals.Select(r => Math.Round(r, 10)));
    }

    // Weighted, with intercept. x = 1, 2, 3; y = 1, 3, 4; σ = 1, 1, 0.5 → w = 1/σ² = 1, 1, 4
    //   S = Σw = 6, Sx = Σwx = 15, Sy = Σwy = 20, Sxx = Σwx² = 41, Sxy = Σwxy = 55
    //   D = S·Sxx − Sx² = 246 − 225 = 21
    //   k = (S·Sxy − Sx·Sy)/D = (330 − 300)/21 = 10/7
    //   c = (Sxx·Sy − Sx·Sxy)/D = (820 − 825)/21 = −5/21
    //   absolute errors: u(k) = √(S/D) = √(6/21), u(c) = √(Sxx/D) = √(41/21), cov = −Sx/D = −15/21
    //   residuals: 1 − 25/21 = −4/21, 3 − 55/21 = 8/21, 4 − 85/21 = −1/21
    //   χ² = (16 + 64 + 4·1)/441 = 4/21, dof = 1
    //   ȳ_w = 20/6 = 10/3; SST_w = 49/9 + 1/9 + 4·4/9 = 22/3; R² = 1 − (4/21)/(22/3) = 1 − 2/77
    [Fact]
    public void Fit_WeightedWithIntercept_MatchesHandWorkedExample()
    {
        var fit = StraightLineFitter.Fit([1, 2, 3], [1, 3, 4], [1, 1, 0.5], withIntercept: true, X);

        Assert.Equal(10.0 / 7, fit.Slope, 1e-12);
        Assert.Equal(-5.0 / 21, fit.Intercept, 1e-12);
        Assert.Equal(Math.Sqrt(6.0 / 21), fit.SlopeError, 1e-12);
        Assert.Equal(Math.Sqrt(41.0 / 21), fit.InterceptError, 1e-12);
        Assert.Equal(-15.0 / 21, fit.Covariance[0][1], 1e-12);
        Assert.Equal(4.0 / 21, fit.ChiSquared, 1e-12);
        Assert.Equal(1, fit.DegreesOfFreedom);
        Assert.Equal(4.0 / 21, fit.ReducedChiSquared!.Value, 1e-12);
        Assert.Equal(1 - (2.0 / 77), fit.RSquared, 1e-12);
        Assert.Equal("absolute", fit.ErrorScaling);
        Assert.Equal(-4.0 / 21, fit.Residuals[0], 1e-12);
        Assert.Equal(8.0 / 21, fit.Residuals[1], 1e-12);
        Assert.Equal(-1.0 / 21, fit.Residuals[2], 1e-12);
    }

    // Through the origin, unweighted. x = 1, 2, 3; y = 2.1, 3.9, 6.1
    //   k = Σxy/Σx² = (2.1 + 7.8 + 18.3)/14 = 28.2/14 = 2.0142857
    //   residuals = (1.2, −1.8, 0.8)/14; SSR = 5.32/196 = 0.0271429; s² = SSR/(n − 1) = 0.0135714
    //   SE(k) = √(s²/Σx²) = √(0.0135714/14) = 0.0311350
    //   uncentred R² = 1 − SSR/Σy² = 1 − 0.0271429/56.83 = 0.9995224
    [Fact]
    public void Fit_ProportionalUnweighted_MatchesHandWorkedExample()
    {
        var fit = StraightLineFitter.Fit([1, 2, 3], [2.1, 3.9, 6.1], null, withIntercept: false, X);

        Assert.Equal(28.2 / 14, fit.Slope, 1e-12);
        Assert.Equal(0, fit.Intercept);
        Assert.False(fit.HasIntercept);
        Assert.Equal(0.0311350, fit.SlopeError, 1e-7);
        Assert.Single(fit.Covariance);
        Assert.Equal(5.32 / 196, fit.ChiSquared, 1e-12);
        Assert.Equal(2, fit.DegreesOfFreedom);
        Assert.Equal(0.9995224, fit.RSquared, 1e-7);
        Assert.Equal(1 - ((1 - fit.RSquared) * 3 / 2), fit.AdjustedRSquared!.Value, 1e-12);
    }

    // The same line as the unweighted example with x shifted by 10⁸: the raw normal equations
    // lose ~16 digits to cancellation here (Σx² ≈ 4·10¹⁶); centring keeps the hand-worked answer.
    [Fact]
    public void Fit_LargeOffsetInX_StaysAccurate()
    {
        double[] x = [1e8 + 1, 1e8 + 2, 1e8 + 3, 1e8 + 4];
        var fit = StraightLineFitter.Fit(x, [2.1, 3.9, 6.2, 7.8], null, withIntercept: true, X);

        Assert.Equal(1.94, fit.Slope, 1e-6);
        Assert.Equal(0.0905539, fit.SlopeError, 1e-6);
        Assert.Equal(0.082, fit.ChiSquared, 1e-6);
    }

    // Tiny x (wavelength-like, 10⁻⁷) and tiny y keep every number finite and correct: k = 1.94·10⁻⁷/10⁻⁷... scaled.
    [Fact]
    public void Fit_TinyScales_RecoversSlope()
    {
        double[] x = [1e-7, 2e-7, 3e-7, 4e-7];
        double[] y = [2.1e-30, 3.9e-30, 6.2e-30, 7.8e-30];
        var fit = StraightLineFitter.Fit(x, y, null, withIntercept: true, X);

        Assert.Equal(1.94e-23, fit.Slope, 1e-28);
        Assert.Equal(0.0905539e-23, fit.SlopeError, 1e-29);
    }

    [Fact]
    public void Fit_ExactLine_HasZeroErrorsAndUnitRSquared()
    {
        var fit = StraightLineFitter.Fit([1, 2, 3], [3, 5, 7], null, withIntercept: true, X);

        Assert.Equal(2, fit.Slope, 1e-12);
        Assert.Equal(1, fit.Intercept, 1e-12);
        Assert.Equal(0, fit.SlopeError, 1e-9);
        Assert.Equal(1, fit.RSquared, 1e-12);
    }

    [Fact]
    public void Fit_AllYEqual_ReportsRSquaredOneNotNaN()
    {
        var fit = StraightLineFitter.Fit([1, 2, 3], [4, 4, 4], null, withIntercept: true, X);

        Assert.Equal(0, fit.Slope, 1e-12);
        Assert.Equal(1, fit.RSquared);
        Assert.True(double.IsFinite(fit.AdjustedRSquared!.Value));
    }

    // Weighted through the origin. x = 1, 2; y = 2, 3; σ = 1, 0.5 → w = 1, 4
    //   k = Σwxy/Σwx² = (1·1·2 + 4·2·3)/(1·1 + 4·4) = 26/17; u(k) = 1/√Σwx² = 1/√17 (absolute)
    //   residuals 2 − 26/17 = 8/17, 3 − 52/17 = −1/17; χ² = 64/289 + 4·1/289 = 4/17, dof = 1
    [Fact]
    public void Fit_ProportionalWeighted_MatchesHandWorkedExample()
    {
        var fit = StraightLineFitter.Fit([1, 2], [2, 3], [1, 0.5], withIntercept: false, X);

        Assert.Equal(26.0 / 17, fit.Slope, 1e-12);
        Assert.Equal(1 / Math.Sqrt(17), fit.SlopeError, 1e-12);
        Assert.Equal(4.0 / 17, fit.ChiSquared, 1e-12);
        Assert.Equal(1, fit.DegreesOfFreedom);
        Assert.Equal("absolute", fit.ErrorScaling);
        Assert.Equal(8.0 / 17, fit.Residuals[0], 1e-12);
    }

    // Absolute errors do not depend on the scatter: multiplying every residual by 10 (y far
    // from the line) leaves u(k) = √(S/D) unchanged, while χ² grows by 100.
    [Fact]
    public void Fit_WeightedAbsolute_ErrorsIndependentOfScatter()
    {
        var near = StraightLineFitter.Fit([1, 2, 3], [1, 3, 4], [1, 1, 0.5], withIntercept: true, X);
        double[] far = [.. new double[] { 1, 2, 3 }.Select((x, i) => near.Evaluate(x) + (10 * near.Residuals[i]))];

        var fit = StraightLineFitter.Fit([1, 2, 3], far, [1, 1, 0.5], withIntercept: true, X);

        Assert.Equal(near.SlopeError, fit.SlopeError, 1e-12);
        Assert.Equal(100 * near.ChiSquared, fit.ChiSquared, 1e-9);
    }
}
