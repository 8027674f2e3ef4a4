namespace LabCharts.Analysis.Tests;

public sealed class UncertaintyPropagationTests
{
    // g = 4π²/k with k = 4.0 ± 0.01 s²/m: ∂g/∂k = −4π²/16 = −2.4674011;
    // u(g) = 2.4674011 · 0.01 = 0.024674011 m/s².
    [Fact]
    public void Propagate_ReciprocalOfSlope_MatchesClosedForm()
    {
        var u = UncertaintyPropagation.Propagate([-4 * Math.PI * Math.PI / 16, 0], [[1e-4, 3e-5], [3e-5, 4e-4]]);

        Assert.Equal(0.024674011, u, 1e-9);
    }

    // ν₀ = −c/k with k = 2, c = −4: ∂ν₀/∂k = c/k² = −1, ∂ν₀/∂c = −1/k = −0.5.
    // Cov = [[0.01, −0.018], [−0.018, 0.04]]:
    // u² = 1·0.01 + 2·(−1)(−0.5)(−0.018) + 0.25·0.04 = 0.01 − 0.018 + 0.01 = 0.002 → u = 0.0447214.
    // Without the cross term it would be √0.02 = 0.141: the correlation matters.
    [Fact]
    public void Propagate_CorrelatedParameters_IncludesCrossTerm()
    {
        var u = UncertaintyPropagation.Propagate([-1, -0.5], [[0.01, -0.018], [-0.018, 0.04]]);

        Assert.Equal(0.0447214, u, 1e-7);
    }

    // R = k/(4λ) with k = 2.4·10⁻⁶ m² ± 0.02·10⁻⁶, λ = 589.3 ± 0.3 nm (constant):
    // ∂R/∂k = 1/(4λ) = 424 232.1 m⁻¹ → 0.0084846 m; ∂R/∂λ = −k/(4λ²) = −1.72776·10⁶ → ·0.3·10⁻⁹ = 5.1833·10⁻⁴ m;
    // u(R) = √(0.0084846² + 0.00051833²) = 0.0085004 m.
    [Fact]
    public void Propagate_ConstantUncertainty_AddsInQuadrature()
    {
        var lambda = 589.3e-9;
        var k = 2.4e-6;
        var u = UncertaintyPropagation.Propagate(
            [1 / (4 * lambda)],
            [[0.02e-6 * 0.02e-6]],
            [(-k / (4 * lambda * lambda), 0.3e-9)]);

        Assert.Equal(0.0085004, u, 1e-7);
    }
}
