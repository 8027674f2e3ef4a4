using static LabCharts.Analysis.Tests.CatalogInputs;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// Hand-worked textbook examples for the straight-line experiments. Each comment holds the
/// working; the expected numbers come from it, not from running the code. Where the data lie
/// exactly on the physical law (generated from textbook constants), the result must reproduce
/// those constants.
/// </summary>
public sealed class LineExperimentTests
{
    [Fact]
    public void Ohm_WorkedExample_GivesResistanceWithUncertainty()
    {
        // U = 1..5 V, I = 2.0, 4.1, 5.9, 8.1, 9.9 mA.
        // x̄ = 3, Sxx = Σ(x − x̄)² = 10; ȳ = 30.0/5 = 6.0 mA;
        // Sxy = (−2)(−4.0) + (−1)(−1.9) + 0 + (1)(2.1) + (2)(3.9) = 19.8 → k = 1.98 mA/V, c = 6.0 − 3·1.98 = 0.06 mA.
        // Residuals −0.04, 0.08, −0.10, 0.12, −0.06 → SSR = 0.036 mA², s² = 0.036/3 = 0.012,
        // u(k) = √(s²/Sxx) = √0.0012 = 0.034641 mA/V.
        // R = 1/k = 1/1.98 mS = 505.05 Ω; u(R) = u(k)/k² = 0.034641e-3/(1.98e-3)² = 8.836 Ω → (505 ± 9) Ω.
        var input = Make("ohm", [("U", Col("V", 1, 2, 3, 4, 5)), ("I", Col("mA", 2.0, 4.1, 5.9, 8.1, 9.9))], [("R_ref", new ConstantInput(0.5, "kΩ"))]);
        var result = ExperimentCatalog.Analyze(input);
        var r = Quantity(result, "R");
        Assert.Equal(505.0505, r.Value, 1e-3);
        Assert.Equal(8.836, r.Uncertainty, 3);
        Assert.Equal("R = (505 ± 9) Ω", r.Formatted);
        Assert.Equal(0.0101, r.RelativeError!.Value, 4);
        Assert.Equal(1.98e-3, result.Fit.Parameters[0].Value, 9);
        Assert.Equal("scaled", result.Fit.ErrorScaling);
    }

    [Fact]
    public void YoungModulus_DataFromSteel_ReproducesE()
    {
        // Steel E = 2.00×10¹¹ Pa, L = 1.000 m, D = 1.500 m, d = 0.500 mm, b = 75.0 mm, g = 9.80 m/s².
        // k = 8·L·D/(π·d²·b·E) = 12/(π·2.5e-7·0.075·2e11) = 12/(π·3750) = 1.0185916e-3 m/N.
        // Readings n = k·m·g + 0.020 m for m = 1..6 kg lie exactly on the line, so E comes back as 2.00×10¹¹ Pa.
        const double k = 12 / (Math.PI * 3750);
        var masses = Range(1, 1, 6);
        var n = masses.Select(m => (k * m * 9.80) + 0.020).ToArray();
        var input = Make(
            "young_modulus",
            [("m", Col("kg", masses)), ("n", Col("m", n))],
            [("L", new(1.000)), ("D", new(150.0, "cm")), ("d", new(0.500, "mm", 0.002)), ("b", new(75.0, "mm"))]);
        var e = Quantity(ExperimentCatalog.Analyze(input), "E");
        Assert.Equal(2.00e11, e.Value, 2.00e11 * 1e-9);

        // Only d is uncertain: u(E)/E = 2·u(d)/d = 2·0.002/0.500 = 0.8 % → 1.6×10⁹ Pa.
        Assert.Equal(1.6e9, e.Uncertainty, 1e7);
        Assert.Equal("E = (2.000 ± 0.016)×10¹¹ Pa", e.Formatted);
    }

    [Fact]
    public void HallEffect_WorkedExample_GivesSensitivityAndCarrierDensity()
    {
        // U_H = 100 Ω·I_s + 2 mV for I_s = 1..5 mA; B = 0.500 T, d = 0.500 mm.
        // K_H = k/B = 100/0.5 = 200 V/(A·T); R_H = K_H·d = 200·5e-4 = 0.100 m³/C;
        // n = 1/(R_H·e) = 1/(0.1·1.602176634e-19) = 6.2415×10¹⁹ m⁻³.
        var input = Make(
            "hall_effect",
            [("Is", Col("mA", 1, 2, 3, 4, 5)), ("UH", Col("mV", 102, 202, 302, 402, 502))],
            [("B", new(0.500)), ("d", new(0.500, "mm"))]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(200, Quantity(result, "K_H").Value, 9);
        Assert.Equal("V/(A·T)", Quantity(result, "K_H").Unit);
        Assert.Equal(0.100, Quantity(result, "R_H").Value, 12);
        Assert.Equal(6.2415e19, Quantity(result, "n").Value, 1e15);
        Assert.Equal("m⁻³", Quantity(result, "n").Unit);
    }

    [Fact]
    public void Photoelectric_MercuryLinesInNanometres_GivePlanckConstant()
    {
        // Mercury lines 365.0, 404.7, 435.8, 546.1, 577.0 nm; ν = c/λ; with h exact and W = 2.00 eV,
        // U_a = (h/e)·ν − 2.00 V exactly. Then h = e·k = 6.62607015×10⁻³⁴ J·s, W = −e·c = 2.00 eV
        // = 3.2044×10⁻¹⁹ J and ν₀ = W/h = 3.2044e-19/6.6261e-34 = 4.836×10¹⁴ Hz.
        double[] nm = [365.0, 404.7, 435.8, 546.1, 577.0];
        var ua = nm.Select(l => (6.62607015e-34 / 1.602176634e-19 * 299792458 / (l * 1e-9)) - 2.00).ToArray();
        var result = ExperimentCatalog.Analyze(Make("photoelectric", [("lambda", Col("nm", nm)), ("Ua", Col("V", ua))]));
        var h = Quantity(result, "h");
        Assert.Equal(6.62607015e-34, h.Value, 1e-42);
        Assert.True(h.RelativeError < 1e-8);
        Assert.Equal(4.836e14, Quantity(result, "ν₀").Value, 1e11);
        Assert.Equal(3.2044e-19, Quantity(result, "W").Value, 1e-23);
    }

    [Fact]
    public void Photoelectric_BothNuAndLambda_IsAmbiguous()
    {
        var input = Make("photoelectric", [("nu", Col("Hz", 5e14, 6e14, 7e14)), ("lambda", Col("nm", 600, 500, 430)), ("Ua", Col("V", 0.1, 0.5, 0.9))]);
        Assert.Equal("ambiguous_columns", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input)).Code);
    }

    [Fact]
    public void NewtonRings_SodiumLight_GivesRadius()
    {
        // R = 1.000 m, λ = 589.3 nm (default): D_m² = 4Rλ·m + c = 2.3572e-6 m²·m + 1.0e-6 m², m = 5..10.
        // R = k/(4λ) = 2.3572e-6/(4·589.3e-9) = 1.000 m.
        var m = Range(5, 1, 6);
        var diameters = m.Select(i => Math.Sqrt((2.3572e-6 * i) + 1.0e-6) * 1000).ToArray();
        var result = ExperimentCatalog.Analyze(Make("newton_rings", [("m", Col(null, m)), ("D", Col("mm", diameters))]));
        Assert.Equal(1.000, Quantity(result, "R").Value, 9);
    }

    [Fact]
    public void NewtonRings_RingNumbersNotIncreasing_AreRejected()
    {
        var input = Make("newton_rings", [("m", Col(null, 5, 6, 6, 8)), ("D", Col("mm", 4.0, 4.3, 4.6, 4.9))]);
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input));
        Assert.Equal("indices_not_increasing", error.Code);
        Assert.Equal("data.m", error.Field);
    }

    [Fact]
    public void ThermalExpansion_CopperRod_GivesAlphaInKelvinOrCelsius()
    {
        // Copper α = 1.70×10⁻⁵ K⁻¹, L₀ = 500 mm: k = α·L₀ = 8.5e-6 m/K.
        // t = 20, 30, …, 70 °C → ΔL = 0, 0.085, 0.170, 0.255, 0.340, 0.425 mm; α = k/L₀ = 1.70×10⁻⁵ K⁻¹.
        // The same temperatures typed in K (293.15 … 343.15) give the same slope: only differences matter.
        double[] dl = [0, 0.085, 0.170, 0.255, 0.340, 0.425];
        foreach (var (unit, t) in new[] { ("°C", Range(20, 10, 6)), ("K", Range(293.15, 10, 6)) })
        {
            var input = Make("thermal_expansion", [("t", Col(unit, t)), ("dL", Col("mm", dl))], [("L0", new(500, "mm"))]);
            var alpha = Quantity(ExperimentCatalog.Analyze(input), "α");
            Assert.Equal(1.70e-5, alpha.Value, 1e-14);
            Assert.Equal("K⁻¹", alpha.Unit);
        }
    }

    [Fact]
    public void Thermistor_NtcB3950_GivesBAndR25()
    {
        // R(T) = 10 kΩ·exp(B·(1/T − 1/298.15 K)), B = 3950 K, t = 20..60 °C: ln R = B/T + A is exact,
        // so B = 3950 K, R₂₅ = 10 000 Ω and α₂₅ = −B/T² = −3950/88893.42 = −0.044435 K⁻¹.
        var t = Range(20, 10, 5);
        var r = t.Select(c => 10 * Math.Exp(3950 * ((1 / (c + 273.15)) - (1 / 298.15)))).ToArray();
        var result = ExperimentCatalog.Analyze(Make("thermistor", [("t", Col("°C", t)), ("R", Col("kΩ", r))]));
        Assert.Equal(3950, Quantity(result, "B").Value, 6);
        Assert.Equal(10000, Quantity(result, "R₂₅").Value, 5);
        Assert.Equal(-0.044435, Quantity(result, "α₂₅").Value, 1e-6);
        Assert.Equal(1 / 293.15, result.Chart.Points[0].X, 12);
        Assert.Equal(Math.Log(r[0] * 1000), result.Chart.Points[0].Y, 12);
    }

    [Fact]
    public void Thermistor_ZeroResistance_IsNonPositiveForLog()
    {
        var input = Make("thermistor", [("t", Col("°C", 20, 30, 40)), ("R", Col("Ω", 1000, 0, 500))]);
        Assert.Equal("non_positive_for_log", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input)).Code);
    }

    [Theory]
    [InlineData("resonance", 8.60e-3, 344.0)]
    [InlineData("phase", 4.30e-3, 172.0)]
    public void SoundSpeed_Positions_GiveWavelengthAndSpeed(string mode, double lambda, double v)
    {
        // f = 40.000 kHz; successive maxima every 4.30 mm: x_i = 50.00 + 4.30·i mm, so k = 4.30 mm.
        // Resonance: λ = 2k = 8.60 mm, v = f·λ = 40 000·0.0086 = 344.0 m/s. Phase: λ = k, v = 172.0 m/s.
        // Reference at 20 °C: 331.45·√(1 + 20/273.15) = 331.45·1.035963 = 343.37 m/s.
        var input = Make(
            "sound_speed",
            [("i", Col(null, Range(1, 1, 8))), ("x", Col("mm", Range(54.30, 4.30, 8)))],
            [("f", new(40.000, "kHz")), ("t", new(20, "°C"))],
            [("mode", mode)]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(lambda, Quantity(result, "λ").Value, 12);
        Assert.Equal(v, Quantity(result, "v").Value, 9);
        Assert.Equal(343.37, Quantity(result, "v").Reference!.Value, 2);
    }

    [Fact]
    public void Grating_SodiumLineInDegrees_GivesWavelength()
    {
        // d = 1/300 mm = 3.3333 μm, λ = 589.3 nm: sin θ_k = k·λ/d = 0.17679·k,
        // θ₁ = 10.1829°, θ₂ = 20.7040°, θ₃ = 32.0316° → s = 0.17679, λ = d·s = 589.3 nm.
        var theta = new[] { 1, 2, 3 }.Select(k => Math.Asin(k * 589.3e-9 / (1e-3 / 300)) * 180 / Math.PI).ToArray();
        var input = Make("grating", [("k", Col(null, 1, 2, 3)), ("theta", Col("°", theta))], [("d", new(1.0 / 300, "mm"))], [("lamp", "sodium")]);
        var lambda = Quantity(ExperimentCatalog.Analyze(input), "λ");
        Assert.Equal(589.3e-9, lambda.Value, 1e-15);
        Assert.True(lambda.RelativeError < 1e-9);
    }

    [Fact]
    public void Michelson_HeNeFringes_GiveWavelength()
    {
        // λ = 632.8 nm: each fringe moves the mirror λ/2 = 0.3164 μm; d = 12.0 μm + 0.3164 μm·N, N = 0, 50, …, 250.
        // k = 0.3164 μm → λ = 2k = 632.8 nm; against the He–Ne line the relative error is 0.
        var n = Range(0, 50, 6);
        var d = n.Select(x => 12.0 + (0.3164 * x)).ToArray();
        var input = Make("michelson", [("N", Col(null, n)), ("d", Col("μm", d))], options: [("lamp", "hene")]);
        var lambda = Quantity(ExperimentCatalog.Analyze(input), "λ");
        Assert.Equal(632.8e-9, lambda.Value, 1e-15);
        Assert.Equal(632.8e-9, lambda.Reference);
    }
}
