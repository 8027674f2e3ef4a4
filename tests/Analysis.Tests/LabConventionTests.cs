using static LabCharts.Analysis.Tests.CatalogInputs;

namespace LabCharts.Analysis.Tests;

/// <summary>
/// The lab conventions teachers ask for — t factor, expanded uncertainty, outliers, optional constants,
/// 逐差法's preconditions — each against a case worked by hand in the comments, never against the
/// code's own output.
/// </summary>
public sealed class LabConventionTests
{
    private static ExperimentInput CustomRepeatedY(double[][] y, double? instrumentError = null) => Make(
        "custom",
        [("x", TestInputs.Single([.. Enumerable.Range(1, y.Length).Select(i => (double)i)])), ("y", TestInputs.Repeated(y) with { InstrumentError = instrumentError })]);

    private static ProcessedPoint YPoint(AnalysisResult result, int index) =>
        result.Data!.Columns.Single(c => c.Key == "y").Points[index];

    [Fact]
    public void TypeA_TFactor_SixReadings_WorkedByHand()
    {
        // Readings 2.01, 2.03, 1.99, 2.02, 2.00, 2.04: mean 12.09/6 = 2.015; deviations ∓0.005, ∓0.015, ∓0.025 →
        // Σd² = 1750·10⁻⁶, s = √(350·10⁻⁶) = 0.0187083, s/√6 = 0.00763763.
        // t_0.683(5) = 1.1113 (GUM G.2 / NIST TN 1297 B.1 print 1.11) → u_A = 0.0084877; Δ = 0.01 → u_B = 0.01/√3 = 0.0057735;
        // u_C = √(0.0084877² + 0.0057735²) = √(7.2041·10⁻⁵ + 3.3333·10⁻⁵) = 0.0102652.
        double[] readings = [2.01, 2.03, 1.99, 2.02, 2.00, 2.04];
        var input = CustomRepeatedY([readings, [4.0], [6.0]], instrumentError: 0.01) with
        {
            Uncertainty = new UncertaintyConvention { TypeA = TypeAEstimate.StudentT, TypeALevel = 0.683 },
        };
        var point = YPoint(ExperimentCatalog.Analyze(input), 0);
        Assert.Equal(6, point.Readings);
        Assert.Equal(2.015, point.Mean, 12);
        Assert.Equal(0.0084877, point.TypeA, 6);
        Assert.Equal(0.0057735, point.TypeB, 7);
        Assert.Equal(0.0102652, point.Combined, 6);

        // Plain type A is s/√n: the default convention.
        var plain = YPoint(ExperimentCatalog.Analyze(input with { Uncertainty = UncertaintyConvention.Default }), 0);
        Assert.Equal(0.0076376, plain.TypeA, 7);
    }

    [Fact]
    public void TypeA_TFactor_FiveReadings_BothLevels_WorkedByHand()
    {
        // 10T with an electronic stopwatch (s): 20.08 20.15 20.11 20.04 20.12 → mean 20.100, residuals −0.02 +0.05 +0.01 −0.06 +0.02,
        // Σr² = 0.0070, s = √(0.0070/4) = 0.0418330, s/√5 = 0.0187083. t_0.683(4) = 1.14246 (table 1.14) → 0.0213736;
        // t_0.95(4) = 2.77645 (table 2.78) → 0.0519425. Δ = 0.01 s: u_C at 0.683 = √(0.0213736² + 0.0057735²) = 0.0221396.
        var input = CustomRepeatedY([[20.08, 20.15, 20.11, 20.04, 20.12], [40.0], [60.0]], instrumentError: 0.01);
        var at683 = YPoint(ExperimentCatalog.Analyze(input with { Uncertainty = new UncertaintyConvention { TypeA = TypeAEstimate.StudentT } }), 0);
        var at95 = YPoint(ExperimentCatalog.Analyze(input with { Uncertainty = new UncertaintyConvention { TypeA = TypeAEstimate.StudentT, TypeALevel = 0.95 } }), 0);
        Assert.Equal(20.100, at683.Mean, 12);
        Assert.Equal(0.0213736, at683.TypeA, 7);
        Assert.Equal(0.0221396, at683.Combined, 7);
        Assert.Equal(0.0519425, at95.TypeA, 7);
    }

    [Fact]
    public void TypeA_TFactor_TenReadings_PublishedHandoutExample()
    {
        // 长度的测量（教案）附录4: metal block thickness, zero-corrected d_i (mm) 9.920 9.921 9.909 9.907 9.900 9.910 9.911
        // 9.919 9.913 9.912; 仪器允差 0.004 mm. Printed: d̄ = 9.9122, u_A = t_p·s/√n = 0.002171 (table t = 1.06, P = 0.683),
        // u_B = 0.00231, u = 0.0032. By hand: Σr² = 3.7760·10⁻⁴, s = 0.00647731, s/√10 = 0.00204831; the exact
        // t_0.683(9) = 1.05945 gives u_A = 0.00217007 (the table's 1.06 gives the printed 0.002171), u = 0.00316900.
        double[] readings = [9.920, 9.921, 9.909, 9.907, 9.900, 9.910, 9.911, 9.919, 9.913, 9.912];
        var input = CustomRepeatedY([readings, [10.0], [11.0]], instrumentError: 0.004) with
        {
            Uncertainty = new UncertaintyConvention { TypeA = TypeAEstimate.StudentT },
            Outliers = new OutlierPolicy { Test = null },
        };
        var point = YPoint(ExperimentCatalog.Analyze(input), 0);
        Assert.Equal(9.9122, point.Mean, 10);
        Assert.Equal(0.002171, point.TypeA, 5);
        Assert.Equal(0.00217007, point.TypeA, 8);
        Assert.Equal(0.00231, point.TypeB, 5);
        Assert.Equal(0.0032, Math.Round(point.Combined, 4));
        Assert.Equal(0.00316900, point.Combined, 8);
    }

    [Fact]
    public void Expanded_UnweightedLine_SixPoints_KIsTOfFourDegreesOfFreedom()
    {
        // x = 1 … 6, y = 2.1 3.9 6.2 7.8 10.1 11.9: x̄ = 3.5, Sxx = 17.5, ȳ = 7.0, Sxy = 34.6 → k = 1.9771429,
        // c = 7 − 3.5k = 0.08. Residuals ±0.042857, ∓0.134286, ±0.188571 → SSR = 0.1108571, s² = SSR/4 = 0.0277143,
        // u(k) = √(s²/Sxx) = 0.0397954. Only the fit contributes, so ν_eff = ν = 4 and k₀.₉₅ = t_0.95(4) = 2.7764:
        // U(k) = 2.7764·0.0397954 = 0.110490 → "k = (1.98 ± 0.11) (U₀.₉₅, k = 2.78)".
        var input = Make("custom", [("x", Col(null, 1, 2, 3, 4, 5, 6)), ("y", Col(null, 2.1, 3.9, 6.2, 7.8, 10.1, 11.9))]) with
        {
            Uncertainty = new UncertaintyConvention { ExpandedLevel = 0.95 },
        };
        var k = Quantity(ExperimentCatalog.Analyze(input), "k");
        Assert.Equal(1.9771429, k.Value, 6);
        Assert.Equal(0.0397954, k.Uncertainty, 6);
        var expanded = k.Budget!.Expanded!;
        Assert.Equal(4, k.Budget.EffectiveDegreesOfFreedom!.Value, 9);
        Assert.Equal(2.776, expanded.K, 3);
        Assert.Equal("t", expanded.CoverageFrom);
        Assert.Equal(0.110490, expanded.Uncertainty, 5);
        Assert.Equal("k = (1.98 ± 0.11) (U₀.₉₅, k = 2.78)", k.Formatted);

        // A fixed k = 2, as some manuals teach: U = 2·0.0397954 = 0.079591 → one figure (leading digit ≥ 3): (1.98 ± 0.08).
        var fixedK = Quantity(ExperimentCatalog.Analyze(input with { Uncertainty = new UncertaintyConvention { ExpandedLevel = 0.95, CoverageFactor = 2 } }), "k");
        Assert.Equal(0.079591, fixedK.Budget!.Expanded!.Uncertainty, 5);
        Assert.Equal("fixed", fixedK.Budget.Expanded.CoverageFrom);
        Assert.Equal("k = (1.98 ± 0.08) (U₀.₉₅, k = 2)", fixedK.Formatted);
    }

    [Fact]
    public void Expanded_WeightedFitWithTypeBConstants_IsNormal()
    {
        // Absolute (weighted) errors and type B constants have infinite degrees of freedom: k = z₀.₉₅ = 1.960.
        var input = TestInputs.Pendulum() with { Uncertainty = new UncertaintyConvention { ExpandedLevel = 0.95 } };
        var g = Quantity(ExperimentCatalog.Analyze(input), "g");
        Assert.Null(g.Budget!.EffectiveDegreesOfFreedom);
        Assert.Equal(1.960, g.Budget.Expanded!.K, 3);
        Assert.Equal("normal", g.Budget.Expanded.CoverageFrom);
        Assert.Contains("(U₀.₉₅, k = 1.96)", g.Formatted, StringComparison.Ordinal);
    }

    [Fact]
    public void Budget_YoungModulus_ListsTheSlopeAndEachConstant()
    {
        // E = 8LD/(πd²bk): relative sensitivities are 1 for L, D; −2 for d; −1 for b and k, so each
        // contribution |∂E/∂x|·u(x) is E·(relative uncertainty) times that power, and u_C² is their sum of squares.
        var loads = Range(1, 1, 8);
        var readings = loads.Select(m => 0.0100 + (0.00375 * m) + (m % 2 == 0 ? 0.00005 : -0.00005)).ToArray();
        var input = Make(
            "young_modulus",
            [("m", Col("kg", loads)), ("n", Col("m", readings))],
            [("L", new(0.800, "m", 0.0005)), ("D", new(1.500, "m", 0.0005)), ("d", new(0.600, "mm", 0.004)), ("b", new(80.0, "mm", 0.02))]);
        var e = Quantity(ExperimentCatalog.Analyze(input), "E");
        var budget = e.Budget!;
        Assert.Equal("E = 8LD/(πd²bk)", budget.Formula);
        Assert.Equal(["k", "L", "D", "d", "b"], budget.Terms.Select(t => t.Symbol));
        var d = budget.Terms.Single(t => t.Symbol == "d");
        Assert.Equal(0.6e-3, d.Value, 12);
        Assert.Equal(0.004e-3, d.Uncertainty, 12);
        Assert.Equal(-2 * e.Value / 0.6e-3, d.Sensitivity, Math.Abs(2e-6 * e.Value / 0.6e-3));
        Assert.Equal(2 * e.Value * 0.004 / 0.600, d.Contribution, 1e-6 * e.Value);
        var sumOfSquares = budget.Terms.Sum(t => t.Contribution * t.Contribution);
        Assert.Equal(e.Uncertainty, Math.Sqrt(sumOfSquares), 1e-9 * e.Value);
        Assert.Equal("m/N", budget.Terms[0].Unit);
    }

    [Fact]
    public void RcCircuit_WithoutR_GivesTauAndOmitsC()
    {
        // U = 5·e^(−t/1 s) sampled every 0.5 s: τ = 1 s needs no constant; C = τ/R needs R.
        var t = Range(0, 0.5, 11);
        var input = Make("rc_circuit", [("t", Col("s", t)), ("U", Col("V", [.. t.Select(x => 5 * Math.Exp(-x))]))]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(1.0, Quantity(result, "τ").Value, 1e-8);
        Assert.DoesNotContain(result.Quantities, q => q.Symbol == "C");
        var note = Assert.Single(result.Notes);
        Assert.Equal("quantityOmitted", note.Code);
        Assert.Equal("C", note.Quantity);
        Assert.Equal("R", note.Constant);
        Assert.Contains("R", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YoungModulus_WithoutTheLeverConstants_KeepsTheSlopeAndNotesEachMissingOne()
    {
        var loads = Range(1, 1, 8);
        var input = Make("young_modulus", [("m", Col("kg", loads)), ("n", Col("cm", [.. loads.Select(m => 1 + (0.4 * m))]))], [("L", new(0.8, "m"))]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Empty(result.Quantities);
        Assert.Equal(["D", "d", "b"], result.Notes.Select(n => n.Constant));
        Assert.All(result.Notes, n => Assert.Equal("E", n.Quantity));
    }

    [Fact]
    public void HallEffect_WithoutThickness_KeepsTheSensitivity()
    {
        // K_H = k/B needs only B; R_H = k·d/B and n = B/(|k|·d·e) need d as well.
        var input = Make("hall_effect", [("Is", Col("mA", 1, 2, 3, 4, 5)), ("UH", Col("mV", 2.1, 4.0, 6.1, 7.9, 10.0))], [("B", new(0.1, "T"))]);
        var result = ExperimentCatalog.Analyze(input);
        Assert.Equal(["K_H"], result.Quantities.Select(q => q.Symbol));
        Assert.Equal([("R_H", "d"), ("n", "d")], result.Notes.Select(n => (n.Quantity, n.Constant)));
    }

    [Fact]
    public void Grubbs_ManyReadingsOfOnePoint_StopsAfterTenFinds()
    {
        // 100,000 readings growing geometrically: Grubbs would peel off most of them one O(n) pass at a time.
        var readings = Enumerable.Range(0, 100_000).Select(i => Math.Pow(1.0001, i)).ToArray();
        Assert.InRange(Outliers.Find(readings).Count, 0, Outliers.MaxFlagged);
    }

    [Fact]
    public void Grubbs_PlantedOutlier_IsFlaggedAndCanBeExcluded()
    {
        // T readings 2.010 2.012 2.009 2.011 2.013 2.030: mean 2.014167, Σd² = 310.83·10⁻⁶, s = 0.0078848;
        // G = (2.030 − 2.014167)/s = 2.0081 > G_crit(6, 0.05) = 1.822 (GB/T 4883) → flagged. Without it (n = 5):
        // mean 2.011, s = 0.0015811, G = 0.002/s = 1.265 < 1.715 → no more. Excluded: u_A = s/√5 = 0.00070711.
        double[] readings = [2.010, 2.012, 2.009, 2.011, 2.013, 2.030];
        var input = CustomRepeatedY([readings, [4.0], [6.0]]);
        var flagged = ExperimentCatalog.Analyze(input);
        var outlier = Assert.Single(flagged.Outliers);
        Assert.Equal(("data.y", 0, 5, 2.030, "grubbs", false), (outlier.Field, outlier.Point, outlier.Reading, outlier.Value, outlier.Test, outlier.Excluded));
        Assert.Equal(2.0081, outlier.Statistic, 4);
        Assert.Equal(1.822, outlier.Critical, 3);
        Assert.Equal(2.014167, YPoint(flagged, 0).Mean, 6);

        var excluded = ExperimentCatalog.Analyze(input with { Outliers = new OutlierPolicy { Exclude = true } });
        Assert.True(Assert.Single(excluded.Outliers).Excluded);
        Assert.Equal(5, YPoint(excluded, 0).Readings);
        Assert.Equal(2.011, YPoint(excluded, 0).Mean, 12);
        Assert.Equal(0.00070711, YPoint(excluded, 0).TypeA, 8);
    }

    [Fact]
    public void Grubbs_NoOutlier_FlagsNothing_AndNoneTurnsTheTestOff()
    {
        // 2.010 2.012 2.009 2.011 2.013 2.014: mean 2.0115, s = √(17.5·10⁻⁶/5) = 0.0018708, G = 0.0025/s = 1.336 < 1.822.
        var clean = CustomRepeatedY([[2.010, 2.012, 2.009, 2.011, 2.013, 2.014], [4.0], [6.0]]);
        Assert.Empty(ExperimentCatalog.Analyze(clean).Outliers);
        var planted = CustomRepeatedY([[2.010, 2.012, 2.009, 2.011, 2.013, 2.030], [4.0], [6.0]]);
        Assert.Empty(ExperimentCatalog.Analyze(planted with { Outliers = new OutlierPolicy { Test = null } }).Outliers);
    }

    [Fact]
    public void FitResiduals_PointFarOffAWeightedLine_IsFlaggedNotDropped()
    {
        // y = 2x for x = 1 … 8 with σ = 0.1, point 5 raised by 1.0. Its leverage h = 1/8 + 0.5²/42 = 0.131, so its
        // residual ≈ (1 − h)·1.0 = 0.87 against σ√(1 − h) = 0.093: z ≈ 9.3 > 3. The others pull by h_i5·1.0 ≤ 0.15: z < 3.
        var y = Range(2, 2, 8);
        y[4] += 1.0;
        var input = Make("custom", [("x", Col(null, Range(1, 1, 8))), ("y", Col(null, y) with { Errors = [0.1] })]);
        var result = ExperimentCatalog.Analyze(input);
        var points = result.Data!.Fitted.Points;
        Assert.Equal(8, points.Count);
        Assert.Equal([4], points.Select((p, i) => (p, i)).Where(t => t.p.Flagged).Select(t => t.i));
        Assert.InRange(points[4].StandardizedResidual!.Value, 8.5, 10);
        Assert.Single(result.Chart.FlaggedPoints);
        Assert.Equal(8, result.Fit.Residuals.Count);
    }

    [Fact]
    public void SuccessiveDifferences_OddCount_IsRefusedWithWhichPointToDrop()
    {
        var input = Make("sound_speed", [("i", Col(null, Range(1, 1, 9))), ("x", Col("mm", Range(10, 4.3, 9)))], [("f", new(40, "kHz"))]) with
        {
            Method = LineMethod.SuccessiveDifferences,
        };
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(input));
        Assert.Equal("odd_point_count", error.Code);
        Assert.Equal("data.i", error.Field);
        Assert.Contains("第 1 个点", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("第 9 个点", error.MessageZh, StringComparison.Ordinal);
        Assert.Contains("drop the first point", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void SuccessiveDifferences_UnequalSpacingOrALineItDoesNotApplyTo_AreRefused()
    {
        var uneven = Make("custom", [("x", Col(null, 1, 2, 3, 4.5, 5, 6)), ("y", Col(null, 2, 4, 6, 9, 10, 12))]) with { Method = LineMethod.SuccessiveDifferences };
        Assert.Equal("unequal_spacing", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(uneven)).Code);

        var pendulum = TestInputs.Pendulum() with { Method = LineMethod.SuccessiveDifferences };
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(pendulum));
        Assert.Equal(("invalid_option", "options.method"), (error.Code, error.Field));

        var compare = TestInputs.Custom("exponential") with { Compare = true };
        Assert.Equal("options.compare", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(compare)).Field);
    }

    [Fact]
    public void PlainLabel_TurnsMarkupIntoReportText()
    {
        Assert.Equal("T² / s²", PangoMarkup.ToPlainText("<i>T</i><sup>2</sup> / s<sup>2</sup>"));
        Assert.Equal("1/T / K⁻¹", PangoMarkup.ToPlainText("1/<i>T</i> / K<sup>−1</sup>"));
        Assert.Equal("U_H & I", PangoMarkup.ToPlainText("<i>U</i><sub>H</sub> &amp; I"));
    }
}
