using static LabCharts.Analysis.Tests.CatalogInputs;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// Hand-worked examples for the nonlinear and peak-finding experiments: data generated from the
/// physical law with textbook constants, which the fit must give back; the working is in the comments.
/// </summary>
public sealed class CurveExperimentTests
{
    [Theory]
    [InlineData("discharge", 5.0, 0.0)]
    [InlineData("charge", -5.0, 5.0)]
    public void RcCircuit_TimeConstantOneSecond_GivesCapacitance(string mode, double a, double final)
    {
        // R = 10 kΩ, C = 100 μF → τ = R·C = 1.00 s. Discharge: U = 5·e^(−t) V; charge: U = 5 − 5·e^(−t) V,
        // t = 0, 0.5, …, 5 s. The fit gives τ = 1.00 s, C = τ/R = 1.00e-4 F, U₀ = A + U∞ = 5 or 0 V.
        var t = Range(0, 0.5, 11);
        var u = t.Select(x => (a * Math.Exp(-x)) + final).ToArray();
        var input = Make("rc_circuit", [("t", Col("s", t)), ("U", Col("V", u))], [("R", new(10, "kΩ"))], [("mode", mode)]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(1.0, Quantity(result, "τ").Value, 1e-8);
        Assert.Equal(1.0e-4, Quantity(result, "C").Value, 1e-12);
        Assert.Equal(a + final, Quantity(result, "U₀").Value, 1e-8);
        Assert.Equal("Levenberg–Marquardt", result.Fit.Method);
    }

    [Fact]
    public void RcCircuit_MinutesAndMillivolts_AreConverted()
    {
        // The same decay with τ = 30 s typed in min and mV: t = 0 … 2.5 min, U = 5000·e^(−t/0.5 min) mV → τ = 30 s.
        var t = Range(0, 0.25, 11);
        var u = t.Select(x => 5000 * Math.Exp(-x / 0.5)).ToArray();
        var input = Make("rc_circuit", [("t", Col("min", t)), ("U", Col("mV", u))], [("R", new(300, "kΩ"))]);
        Assert.Equal(30.0, Quantity(ExperimentCatalog.Analyze(input), "τ").Value, 1e-6);
    }

    [Fact]
    public void Cooling_WaterCup_GivesTimeConstantAndAmbient()
    {
        // T = 25 + 60·e^(−t/600 s) °C sampled every 300 s from 0 to 3000 s:
        // τ = 600 s, Tₐ = 25 °C, T₀ = 85 °C.
        var t = Range(0, 300, 11);
        var temperature = t.Select(x => 25 + (60 * Math.Exp(-x / 600))).ToArray();
        var result = ExperimentCatalog.Analyze(Make("cooling", [("t", Col("s", t)), ("T", Col("°C", temperature))]));
        Assert.Equal(600, Quantity(result, "τ").Value, 1e-6);
        Assert.Equal(25, Quantity(result, "Tₐ").Value, 1e-8);
        Assert.Equal(85, Quantity(result, "T₀").Value, 1e-8);
    }

    [Fact]
    public void ForcedOscillation_ResonanceCurve_GivesQualityFactor()
    {
        // ω₀ = 3.00 rad/s, β = 0.150 s⁻¹, F = 2.70: A(ω) = F/√((9 − ω²)² + (0.3ω)²) for ω = 2.4 … 3.6.
        // Peak A ≈ F/(2βω₀) = 2.7/0.9 = 3.0; Q = ω₀/(2β) = 3/0.3 = 10.0.
        var omega = Range(2.4, 0.1, 13);
        var amplitude = omega.Select(w => 2.7 / Math.Sqrt(Math.Pow(9 - (w * w), 2) + Math.Pow(0.3 * w, 2))).ToArray();
        var result = ExperimentCatalog.Analyze(Make("forced_oscillation", [("omega", Col("rad/s", omega)), ("A", Col("°", amplitude))]));
        Assert.Equal(3.00, Quantity(result, "ω₀").Value, 1e-8);
        Assert.Equal(0.150, Quantity(result, "β").Value, 1e-8);
        Assert.Equal(10.0, Quantity(result, "Q").Value, 1e-6);
    }

    [Fact]
    public void Diode_SiliconJunction_GivesSaturationCurrentAndIdealityFactor()
    {
        // I_s = 1.0×10⁻¹² A, n = 1.80, T = 300 K: V_T = k_B·T/e = 1.380649e-23·300/1.602176634e-19 = 0.025852 V.
        // I = I_s·(e^(U/(n·V_T)) − 1) for U = 0.40 … 0.70 V; the fit of ln I gives I_s and n back.
        const double vt = 1.380649e-23 * 300 / 1.602176634e-19;
        var u = Range(0.40, 0.05, 7);
        var current = u.Select(v => 1e-12 * (Math.Exp(v / (1.8 * vt)) - 1) * 1e3).ToArray();
        var input = Make("diode", [("U", Col("V", u)), ("I", Col("mA", current))], [("T", new(26.85, "°C"))], [("yScale", "log")]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(1e-12, Quantity(result, "I_s").Value, 1e-18);
        Assert.Equal(1.80, Quantity(result, "n").Value, 1e-6);
        Assert.Equal(AxisScale.Log, result.Chart.YScale);
        Assert.Equal(current[3] * 1e-3, result.Chart.Curve(u[3]), 1e-12);
    }

    [Fact]
    public void Diode_ReverseCurrent_IsNonPositiveForLog()
    {
        var input = Make("diode", [("U", Col("V", -0.1, 0.5, 0.6, 0.7)), ("I", Col("A", -1e-9, 1e-4, 1e-3, 1e-2))]);
        Assert.Equal("non_positive_for_log", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input)).Code);
    }

    [Fact]
    public void FranckHertz_MercuryCurve_FindsPeaksSpacedByExcitationPotential()
    {
        // I(U) = 10·(1 + cos(2π(U − 7.0)/4.9)) + 0.5·U nA, U = 0 … 30 V every 0.1 V. Peaks where
        // dI/dU = 0: sin(2π(U − 7)/4.9) = 0.5·4.9/(20π) = 0.0390, i.e. 0.0304 V after each cosine
        // maximum, the same shift for every peak: peaks near 2.13, 7.03, 11.93, 16.83, 21.73, 26.63 V,
        // spaced by exactly 4.9 V → ΔU = k = 4.90 V; against Hg's 4.9 V the relative error is ≈ 0.
        var u = Range(0, 0.1, 301);
        var i = u.Select(v => (10 * (1 + Math.Cos(2 * Math.PI * (v - 7.0) / 4.9))) + (0.5 * v)).ToArray();
        var input = Make("franck_hertz", [("U", Col("V", u)), ("I", Col("nA", i))], options: [("gas", "Hg")]);
        var result = ExperimentCatalog.Analyze(input);
        var deltaU = Quantity(result, "ΔU");
        Assert.Equal(4.90, deltaU.Value, 0.005);
        Assert.True(deltaU.RelativeError < 0.002);
        Assert.Equal(6, result.Chart.MarkedPoints.Count);
        Assert.Equal(7.03, result.Chart.MarkedPoints[1].X, 0.02);
        Assert.NotNull(result.Chart.Secondary);
        Assert.False(result.Chart.CurveIsFit);
        Assert.Equal(6, result.Chart.Secondary!.Points.Count);
    }

    [Fact]
    public void FranckHertz_RangeWithOnePeak_IsTooFewPeaks()
    {
        var u = Range(0, 0.1, 81);
        var i = u.Select(v => 10 * (1 + Math.Cos(2 * Math.PI * (v - 5.0) / 4.9))).ToArray();
        var input = Make("franck_hertz", [("U", Col("V", u)), ("I", Col("nA", i))]);
        Assert.Equal("too_few_peaks", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input)).Code);
    }
}
