namespace LabCharts.Analysis.Tests;

public sealed class CustomExperimentTests
{
    // Same data as the hand-worked unweighted fit (StraightLineFitterTests): k = 1.94 ± 0.0906,
    // c = 0.15 ± 0.248 → k = (1.94 ± 0.09) m/s, c = (0.2 ± 0.2) m (0.248: first digit 2 → 0.25,
    // value to 0.01: 0.15 → (0.15 ± 0.25)).
    [Fact]
    public void Analyze_Linear_ReportsSlopeAndInterceptWithUnits()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Custom());

        Assert.Equal("y = k·x + c", result.Fit.Model);
        Assert.Equal("scaled", result.Fit.ErrorScaling);
        Assert.Equal(["k", "c"], result.Quantities.Select(q => q.Symbol));
        var k = result.Quantities[0];
        Assert.Equal(1.94, k.Value, 1e-12);
        Assert.Equal(0.0905539, k.Uncertainty, 1e-7);
        Assert.Equal("m/s", k.Unit);
        Assert.Equal("k = (1.94 ± 0.09) m/s", k.Formatted);
        Assert.Equal("c = (0.15 ± 0.25) m", result.Quantities[1].Formatted);
        Assert.Equal(["m/s", "m"], result.Fit.Parameters.Select(p => p.Unit));
    }

    // Proportional on the hand-worked through-origin data: k = 28.2/14 = 2.0142857 ± 0.0311350.
    [Fact]
    public void Analyze_Proportional_FitsThroughOrigin()
    {
        var input = TestInputs.Custom("proportional") with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["x"] = TestInputs.Single(1, 2, 3),
                ["y"] = TestInputs.Single(2.1, 3.9, 6.1),
            },
        };

        var result = ExperimentCatalog.Analyze(input);

        Assert.Equal("y = k·x", result.Fit.Model);
        var k = Assert.Single(result.Quantities);
        Assert.Equal(2.0142857, k.Value, 1e-7);
        Assert.Equal(0.0311350, k.Uncertainty, 1e-7);
        Assert.Equal("", k.Unit);
        Assert.Equal("k = (2.01 ± 0.03)", k.Formatted); // 0.0311: first digit 3 → one figure
        Assert.Equal("<i>x</i>", result.Chart.XLabel);
        Assert.Equal(0, result.Chart.Curve(0));
    }

    [Fact]
    public void Analyze_LabelsWithMarkupCharacters_AreEscaped()
    {
        var input = TestInputs.Custom() with
        {
            Title = "<b>我的</b> & 实验",
            Columns = new Dictionary<string, ColumnInput>
            {
                ["x"] = TestInputs.Single(1, 2, 3, 4) with { Label = "电流 <I> & \"'", Unit = "mA" },
                ["y"] = TestInputs.Single(2.1, 3.9, 6.2, 7.8) with { Label = "电压", Unit = "V" },
            },
        };

        var chart = ExperimentCatalog.Analyze(input).Chart;

        Assert.Equal("电流 &lt;I&gt; &amp; &quot;&apos; / A", chart.XLabel);
        Assert.Equal("电压 / V", chart.YLabel);
        Assert.Equal("<b>我的</b> & 实验", chart.Title); // plain text: the renderer does not parse it
    }

    // The chart shows SI units: x typed in mA is plotted in A, so 1 mA is x = 0.001 and the
    // slope is in V/A (= 1000 × the V/mA number).
    [Fact]
    public void Analyze_MilliampereColumn_ConvertsToSi()
    {
        var input = TestInputs.Custom() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["x"] = TestInputs.Single(1, 2, 3, 4) with { Unit = "mA" },
                ["y"] = TestInputs.Single(2.1, 3.9, 6.2, 7.8) with { Unit = "V" },
            },
        };

        var result = ExperimentCatalog.Analyze(input);

        Assert.Equal(0.001, result.Chart.Points[0].X, 1e-15);
        Assert.Equal(1940, result.Quantities[0].Value, 1e-9);
        Assert.Equal("V/A", result.Quantities[0].Unit);
        Assert.Equal("<i>x</i> / A", result.Chart.XLabel);
    }

    // y errors on every point → weighted, absolute: the hand-worked weighted example
    // (StraightLineFitterTests) gives k = 10/7, u(k) = √(6/21).
    [Fact]
    public void Analyze_YErrors_FitsWeightedAbsolute()
    {
        var input = TestInputs.Custom() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["x"] = TestInputs.Single(1, 2, 3),
                ["y"] = TestInputs.Single(1, 3, 4) with { Errors = [1, 1, 0.5] },
            },
        };

        var result = ExperimentCatalog.Analyze(input);

        Assert.Equal("absolute", result.Fit.ErrorScaling);
        Assert.Equal(10.0 / 7, result.Fit.Parameters[0].Value, 1e-12);
        Assert.Equal(Math.Sqrt(6.0 / 21), result.Fit.Parameters[0].StandardError, 1e-12);
        Assert.Equal(0.5, result.Chart.Points[2].YError);
    }

    [Fact]
    public void Analyze_NoModel_DefaultsToLinear()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Custom() with { Model = null });

        Assert.Equal("y = k·x + c", result.Fit.Model);
    }

    // y − 1 of the hand-worked data: k = 1.94 ± 0.0906, c = 0.15 − 1 = −0.85 ± 0.248
    // (first digit 2 → 0.25, value to 0.01). Negative intercepts print with a minus sign.
    [Fact]
    public void Analyze_NegativeIntercept_AnnotatesEquationWithMinus()
    {
        var input = TestInputs.Custom() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["x"] = TestInputs.Single(1, 2, 3, 4) with { Unit = "s" },
                ["y"] = TestInputs.Single(1.1, 2.9, 5.2, 6.8) with { Unit = "m" },
            },
        };

        var annotations = ExperimentCatalog.Analyze(input).Chart.Annotations;

        Assert.Equal(
            ["<i>y</i> = 1.94 <i>x</i> \u2212 0.85", "<i>R</i><sup>2</sup> = 0.9957", "<i>k</i> = (1.94 ± 0.09) m/s", "<i>c</i> = (\u22120.85 ± 0.25) m"],
            annotations);
    }
}
