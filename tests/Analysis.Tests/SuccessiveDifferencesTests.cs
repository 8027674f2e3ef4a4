using static LabCharts.Analysis.Tests.CatalogInputs;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// 逐差法 against textbook data worked by hand (sources and full working: WorkedExamples.md beside this file).
/// </summary>
public sealed class SuccessiveDifferencesTests
{
    [Fact]
    public void YoungModulus_EightLoads_PublishedData_MatchesThePrintedDigits()
    {
        // squarezhong/PHY104B "固体杨氏模量测量" (WorkedExamples.md §1.2): L = 80.35 cm, D = 130.00 cm, lever l = 7.50 cm,
        // d = 0.600 0.595 0.593 0.604 0.595 0.602 mm (d̄ = 0.598167), 1 kg steps, g = 9.7887 m/s²; scale readings adding
        // r_i and removing r_i' (cm) averaged per load: r̄ = 0.200 0.805 1.395 1.980 2.530 3.090 3.605 4.165.
        // δ_i = r̄_{i+4} − r̄_i = 2.330 2.285 2.210 2.185 → δ̄ = 2.2525 cm; printed b = δ̄/4 = 0.563125 cm, E = 1.72e+11 Pa.
        // In our convention (scale Δ = 0.5 mm, lengths Δ = 0.05 mm, micrometer Δ = 0.004 mm, all /√3):
        // s_δ = 0.0668954, u_A = s_δ/√4 = 0.0334477, u_B = 0.0288675, u(δ̄) = 0.0441824 cm;
        // k = δ̄/(4·9.7887 N) = 5.752807·10⁻⁴ m/N, u(k) = 1.128403·10⁻⁵; u(d) = √(0.00181506² + 0.00230940²) = 0.00293731 mm;
        // E = 8LD/(πd²lk) = 1.722994·10¹¹ Pa, u_rel = √(1.961482e-2² + 9.82104e-3² + 3.84900e-4² + 3.59272e-5² + 2.22058e-5²)
        // = 2.193955·10⁻², u(E) = 3.7802·10⁹ Pa.
        var loads = Range(1, 1, 8);
        double[] adding = [0.20, 0.80, 1.39, 1.96, 2.51, 3.08, 3.60, 4.15];
        double[] removing = [0.20, 0.81, 1.40, 2.00, 2.55, 3.10, 3.61, 4.18];
        var length = 0.05 / Math.Sqrt(3);
        var input = Make(
            "young_modulus",
            [("m", Col("kg", loads)), ("n", TestInputs.Repeated([.. adding.Select((a, i) => new[] { a, removing[i] })]) with { Unit = "cm", InstrumentError = 0.05 })],
            [("L", new(80.35, "cm", length / 10)), ("D", new(130.00, "cm", length / 10)), ("b", new(7.50, "cm", length / 10)),
             ("d", new(3.589 / 6, "mm", 0.00293731)), ("g", new(9.7887, "m/s^2"))]) with
        {
            Method = LineMethod.SuccessiveDifferences,
        };
        var result = ExperimentCatalog.Analyze(input);
        var working = result.Differences!;
        Assert.Equal([2.330, 2.285, 2.210, 2.185], working.Pairs.Select(p => Math.Round(p.Difference * 100, 6)));
        Assert.Equal([(1, 5), (2, 6), (3, 7), (4, 8)], working.Pairs.Select(p => (p.First, p.Second)));
        Assert.Equal(0.563125, working.Mean / 4 * 100, 9);                        // printed b
        Assert.Equal(0.0668954, working.StandardDeviation * 100, 7);
        Assert.Equal(0.0334477, working.TypeA * 100, 7);
        Assert.Equal(0.0288675, working.TypeB * 100, 7);
        Assert.Equal(0.0441824, working.Combined * 100, 7);
        Assert.Equal(5.752807e-4, working.Slope, 10);
        Assert.Equal(1.128403e-5, working.SlopeUncertainty, 11);
        Assert.Equal("successive differences (逐差法)", result.Fit.Method);

        var e = Quantity(result, "E");
        Assert.Equal("1.72e+11", e.Value.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture)); // printed
        Assert.Equal(1.722994e11, e.Value, 1e5);
        Assert.Equal(3.7802e9, e.Uncertainty, 1e5);
        Assert.Equal("E = (1.72 ± 0.04)×10¹¹ Pa", e.Formatted);

        // The chart marks the pairs: ① on points 1 and 5 … ④ on points 4 and 8.
        Assert.Equal(8, result.Chart.MarkedPoints.Count);
        Assert.Equal(result.Chart.MarkedPoints[0], result.Chart.Points[0]);
        Assert.Equal(result.Chart.MarkedPoints[1], result.Chart.Points[4]);
        Assert.Equal(["①", "①", "②", "②", "③", "③", "④", "④"], result.Chart.MarkedPointTexts);
    }

    [Fact]
    public void YoungModulus_StandardizedResiduals_UseTheLeastSquaresLeverage()
    {
        // Residuals about the 逐差 line (k = δ̄/(4h), c = ȳ − k·x̄) of the data above, in m:
        // −5.03125e-4 −8.4375e-5 1.84375e-4 4.03125e-4 2.71875e-4 2.40625e-4 −2.40625e-4 −2.71875e-4; s_r² = Σr²/6;
        // h_i = 1/8 + (x_i − x̄)²/Sxx with x_i = i·9.7887 N → z_i = r_i/(s_r·√(1 − h_i)) =
        // −1.9011 −0.2857 0.5871 1.2480 0.8417 0.7662 −0.8149 −1.0273 (none beyond 3).
        var loads = Range(1, 1, 8);
        double[] means = [0.200, 0.805, 1.395, 1.980, 2.530, 3.090, 3.605, 4.165];
        var input = Make(
            "young_modulus",
            [("m", Col("kg", loads)), ("n", Col("cm", means) with { InstrumentError = 0.05 })],
            [("g", new(9.7887, "m/s^2"))]) with { Method = LineMethod.SuccessiveDifferences };
        var points = ExperimentCatalog.Analyze(input).Data!.Fitted.Points;
        double[] expected = [-1.9011, -0.2857, 0.5871, 1.2480, 0.8417, 0.7662, -0.8149, -1.0273];
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i], points[i].StandardizedResidual!.Value, 4);
            Assert.False(points[i].Flagged);
        }
    }

    [Fact]
    public void HugeOrTinyDifferences_GiveFiniteNumbersOrNothing_NeverNaN()
    {
        // Welch–Satterthwaite on u ≈ 1e80 or 1e-90 must not overflow into NaN (the job's JSON could not hold it).
        foreach (var scale in new[] { 1e80, 1e-90 })
        {
            var y = Range(1, 1, 8).Select((v, i) => scale * (v + (i % 2 == 0 ? 0.01 : -0.01))).ToArray();
            var input = Make("custom", [("x", Col(null, Range(1, 1, 8))), ("y", Col(null, y))]) with
            {
                Method = LineMethod.SuccessiveDifferences,
                Uncertainty = new UncertaintyConvention { ExpandedLevel = 0.95 },
            };
            var result = ExperimentCatalog.Analyze(input);
            foreach (var quantity in result.Quantities)
            {
                Assert.True(double.IsFinite(quantity.Uncertainty));
                Assert.True(quantity.Budget!.EffectiveDegreesOfFreedom is null or > 0 and < double.PositiveInfinity);
                Assert.True(double.IsFinite(quantity.Budget.Expanded!.K));
            }
        }

        Assert.Null(CoverageFactor.EffectiveDegreesOfFreedom(1e200, 1e-200, 3));
        Assert.Null(CoverageFactor.EffectiveDegreesOfFreedom(0, 0, 3));
        Assert.Equal(4 * 16, CoverageFactor.EffectiveDegreesOfFreedom(2, 1, 4));
    }

    [Fact]
    public void ManyPairs_AreNotLabelledOnTheChart()
    {
        // 24 points = 12 pairs: more than the chart can label legibly; the working still lists them all.
        var input = Make("custom", [("x", Col(null, Range(1, 1, 24))), ("y", Col(null, [.. Range(1, 1, 24).Select(v => (2 * v) + (v % 3 * 0.01))]))]) with
        {
            Method = LineMethod.SuccessiveDifferences,
        };
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(12, result.Differences!.Pairs.Count);
        Assert.Empty(result.Chart.MarkedPoints);
    }

    [Fact]
    public void SoundSpeed_TenMaxima_WorkedByHand_AndComparedWithLeastSquares()
    {
        // WorkedExamples.md §2.5 (constructed, textbook style): f = 36.582 kHz, u(f) = 10 Hz/√3 = 5.77350 Hz, t = 22.0 °C,
        // x_i (mm) = 52.36 57.08 61.77 66.49 71.20 75.92 80.62 85.33 90.05 94.77, digital readout Δ = 0.01 mm.
        // δ_i = x_{i+5} − x_i = 23.56 23.54 23.56 23.56 23.57 → δ̄ = 23.558 mm, s_δ = 0.0109545, u_A = s_δ/√5 = 0.00489898,
        // u_B = 0.00577350, u(δ̄) = 0.00757188; k = δ̄/5 = 4.7116 mm, λ = 2k = 9.4232 mm, u(λ) = 0.00302875 mm;
        // v = fλ = 344.7195 m/s, u_rel(v) = √(3.21414e-4² + 1.57824e-4²) = 3.58072·10⁻⁴ → u_v = 0.123434 → (344.72 ± 0.12) m/s.
        // Expanded: ν_eff(v) = 4·(3.58072e-4/2.07955e-4)⁴ = 35.16 → 35, k = t_0.95(35) = 2.03011, U = 0.25059 m/s.
        // Least squares on the same points: k = 4.711455 mm → v = 344.7089 m/s.
        double[] x = [52.36, 57.08, 61.77, 66.49, 71.20, 75.92, 80.62, 85.33, 90.05, 94.77];
        var input = Make(
            "sound_speed",
            [("i", Col(null, Range(1, 1, 10))), ("x", Col("mm", x) with { InstrumentError = 0.01 })],
            [("f", new(36.582, "kHz", 0.00577350)), ("t", new(22.0, "°C"))]) with
        {
            Method = LineMethod.SuccessiveDifferences,
            Compare = true,
        };
        var result = ExperimentCatalog.Analyze(input);
        var working = result.Differences!;
        Assert.Equal(23.558, working.Mean * 1000, 9);
        Assert.Equal(0.0109545, working.StandardDeviation * 1000, 7);
        Assert.Equal(0.00757188, working.Combined * 1000, 8);
        var lambda = Quantity(result, "λ");
        Assert.Equal(9.4232e-3, lambda.Value, 12);
        Assert.Equal(0.00302875e-3, lambda.Uncertainty, 11);
        var v = Quantity(result, "v");
        Assert.Equal(344.7195, v.Value, 4);
        Assert.Equal(0.123434, v.Uncertainty, 6);
        Assert.Equal("v = (344.72 ± 0.12) m/s", v.Formatted);

        var comparison = result.Comparison!;
        Assert.Equal(["successive_differences", "least_squares"], comparison.Select(c => c.Method));
        Assert.Equal(344.7089, comparison[1].Quantities.Single(q => q.Symbol == "v").Value, 4);
        Assert.Equal(4.711455e-3, comparison[1].Slope.Value, 9);

        var expanded = Quantity(ExperimentCatalog.Analyze(input with { Uncertainty = new UncertaintyConvention { ExpandedLevel = 0.95 } }), "v");
        Assert.Equal(35.16, expanded.Budget!.EffectiveDegreesOfFreedom!.Value, 2);
        Assert.Equal(2.03011, expanded.Budget.Expanded!.K, 5);
        Assert.Equal(0.25059, expanded.Budget.Expanded.Uncertainty, 5);
        Assert.Equal("v = (344.72 ± 0.25) m/s (U₀.₉₅, k = 2.03)", expanded.Formatted);
    }

    [Fact]
    public void SoundSpeed_PublishedPositions_ReceiverMovingTowardsTheSource()
    {
        // WorkedExamples.md §2.4 (published data, our working): f = 38.89 kHz, x (cm) 19.2860 18.7415 18.3191 17.8405 17.4043
        // 16.9375 16.5827 16.1454 15.6832 15.2491. δ_i = −23.485 −21.588 −21.737 −21.573 −21.552 mm, δ̄ = −21.987 mm,
        // λ = (2/5)|δ̄| = 8.7948 mm, v = 342.0298 m/s; Δ = 0.01 mm: u_v = 5.8485 m/s.
        double[] x = [19.2860, 18.7415, 18.3191, 17.8405, 17.4043, 16.9375, 16.5827, 16.1454, 15.6832, 15.2491];
        var input = Make("sound_speed", [("i", Col(null, Range(1, 1, 10))), ("x", Col("cm", x) with { InstrumentError = 0.001 })], [("f", new(38.89e3, "Hz"))]) with
        {
            Method = LineMethod.SuccessiveDifferences,
        };
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(-21.987, result.Differences!.Mean * 1000, 9);
        var v = Quantity(result, "v");
        Assert.Equal(342.0298, v.Value, 4);
        Assert.Equal(5.8485, v.Uncertainty, 4);
    }
}
