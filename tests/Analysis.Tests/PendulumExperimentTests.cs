namespace LabCharts.Analysis.Tests;

public sealed class PendulumExperimentTests
{
    // The README's pendulum request worked by hand. Every T point has three readings whose deviations
    // from the mean are (−1/3, +5/3, −4/3)·10⁻³ s (or a permutation), so for every point
    //   s = √((1/9 + 25/9 + 16/9)·10⁻⁶ / 2) = √(7/3)·10⁻³ = 1.5275·10⁻³ s
    //   u_A = s/√3 = 0.8819·10⁻³ s (no instrument error on T, so u(T) = u_A)
    //
    //   L/m   T̄/s        T̄²/s²      u(T²) = 2·T̄·u_A /s²   w = 1/u²
    //   0.50  1.419333   2.014507   0.002503              159 557
    //   0.60  1.554333   2.415952   0.002742              133 044
    //   0.70  1.678667   2.817922   0.002961              114 066
    //   0.80  1.794333   3.219632   0.003165               99 834
    //   0.90  1.903333   3.622678   0.003357               88 727
    //
    // Every point has u > 0, so the fit is weighted (absolute errors):
    //   S = Σw = 595 227.75, Sx = ΣwL = 399 172.37, Sy = ΣwT² = 1 607 142.86,
    //   Sxx = ΣwL² = 279 439.85, Sxy = ΣwLT² = 1 125 000.0 (w·T² = 1/(4u_A²) for every point)
    //   D = S·Sxx − Sx² = 6.99177·10⁹
    //   k = (S·Sxy − Sx·Sy)/D = 4.01961 s²/m,   u(k) = √(S/D) = 0.0092267 s²/m
    //   c = (Sxx·Sy − Sx·Sxy)/D = 0.00441 s²,    u(c) = √(Sxx/D) = 0.00632 s²
    //   χ² = Σw·(T² − kL − c)² = 0.0812, dof = 3
    //   g = 4π²/k = 39.47842/4.01961 = 9.82145 m/s²
    //   u(g) = 4π²·u(k)/k² = 39.47842·0.0092267/16.15727 = 0.022544 m/s²
    //   rounded: u = 0.023 (first digit 2 → two figures), g = (9.821 ± 0.023) m/s²
    //   relative error against g_ref = 9.794: |9.82145 − 9.794|/9.794 = 0.00280
    [Fact]
    public void Analyze_DesignExample_MatchesHandWorkedResult()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Pendulum());

        var g = Assert.Single(result.Quantities);
        Assert.Equal("g", g.Symbol);
        Assert.Equal(9.82145, g.Value, 5e-5);
        Assert.Equal(0.022544, g.Uncertainty, 5e-6);
        Assert.Equal("m/s²", g.Unit);
        Assert.Equal("g = (9.821 ± 0.023) m/s²", g.Formatted);
        Assert.Equal(9.794, g.Reference);
        Assert.Equal(0.00280, g.RelativeError!.Value, 1e-5);
        Assert.Equal(0.022544 / 9.82145, g.RelativeUncertainty!.Value, 1e-6);

        var fit = result.Fit;
        Assert.Equal("T² = k·L + c", fit.Model);
        Assert.Equal("absolute", fit.ErrorScaling);
        Assert.Equal(3, fit.DegreesOfFreedom);
        Assert.Equal(0.0812, fit.ChiSquared, 1e-4);
        Assert.Equal(0.0812 / 3, fit.ReducedChiSquared!.Value, 1e-4);
        var k = fit.Parameters[0];
        Assert.Equal(("k", "s²/m"), (k.Name, k.Unit));
        Assert.Equal(4.01961, k.Value, 1e-5);
        Assert.Equal(0.0092267, k.StandardError, 1e-7);
        var c = fit.Parameters[1];
        Assert.Equal(("c", "s²"), (c.Name, c.Unit));
        Assert.Equal(0.00441, c.Value, 1e-5);
        Assert.Equal(0.00632, c.StandardError, 1e-5);
        Assert.Equal(5, fit.Residuals.Count);
    }

    [Fact]
    public void Analyze_DesignExample_BuildsChartWithErrorBarsAndMarkup()
    {
        var chart = ExperimentCatalog.Analyze(TestInputs.Pendulum()).Chart;

        Assert.Equal("单摆测重力加速度", chart.Title);
        Assert.Equal("摆长 <i>L</i> / m", chart.XLabel);
        Assert.Equal("<i>T</i><sup>2</sup> / s<sup>2</sup>", chart.YLabel);
        Assert.Equal(5, chart.Points.Count);

        // First point: T̄² = 2.014507 s², u(T²) = 0.002503 s², u(L) = 0.0005/√3 = 0.000289 m.
        Assert.Equal(0.50, chart.Points[0].X, 1e-12);
        Assert.Equal(2.014507, chart.Points[0].Y, 1e-6);
        Assert.Equal(0.002503, chart.Points[0].YError, 1e-6);
        Assert.Equal(0.000289, chart.Points[0].XError, 1e-6);
        Assert.Equal((4.01961 * 0.7) + 0.00441, chart.Curve(0.7), 1e-4);
        // The quantity's unit as the report writes every experiment's (m/s², not m/s<sup>2</sup>: issue 8).
        Assert.Contains("<i>g</i> = (9.821 ± 0.023) m/s²", chart.Annotations);
        Assert.Contains(chart.Annotations, a => a.StartsWith("<i>T</i><sup>2</sup> = 4.020 <i>L</i> + 0.004", StringComparison.Ordinal));
        Assert.Contains(chart.Annotations, a => a.StartsWith("<i>R</i><sup>2</sup> = 0.9999", StringComparison.Ordinal));
    }

    // Pendulum goes through the straight-line path like every other line (issue 8): the summary has
    // the method and the correlation, the chart the 95 % confidence band. By hand, from the sums
    // above: r(k, c) = −Sx/√(S·Sxx) = −399 172.37/√(595 227.75·279 439.85) = −0.97876; at the
    // weighted mean x̄ = Sx/S = 0.670621 m the line's variance is 1/S, so the band's half-width
    // (absolute errors: q = 1.96) is 1.959964/√S = 0.0025404 s².
    [Fact]
    public void Analyze_DesignExample_ReportsCorrelationMethodAndConfidenceBand()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Pendulum());

        Assert.Equal("linear least squares (QR)", result.Fit.Method);
        Assert.Equal(-0.97876, result.Fit.Correlation![0][1], 5e-5);
        Assert.Equal(1, result.Fit.Correlation[0][0]);
        Assert.NotNull(result.Chart.ConfidenceBand);
        Assert.Equal(0.0025404, result.Chart.ConfidenceBand(0.670621), 2e-7);
    }

    // Lengths in cm and periods in ms are the same data: the result must not change.
    [Fact]
    public void Analyze_UnitsCentimetreAndMillisecond_GiveSameG()
    {
        var input = TestInputs.Pendulum();
        var centimetres = input with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["L"] = TestInputs.Single(50, 60, 70, 80, 90) with { Unit = "cm", InstrumentError = 0.05 },
                ["T"] = TestInputs.Repeated(
                    [1419, 1421, 1418], [1553, 1556, 1554], [1679, 1677, 1680],
                    [1794, 1796, 1793], [1903, 1905, 1902]) with { Unit = "ms" },
            },
        };

        var g = Assert.Single(ExperimentCatalog.Analyze(centimetres).Quantities);

        Assert.Equal(9.82145, g.Value, 5e-5);
        Assert.Equal("g = (9.821 ± 0.023) m/s²", g.Formatted);
    }

    // Single readings without errors: the fit is unweighted and its errors scaled.
    // Same means as above; by hand (ordinary least squares on T̄²): k = 4.020021 s²/m,
    // SSR = 7.6479·10⁻⁷, s = √(SSR/3); u(k) = s·√(n/D) with D = nΣL² − (ΣL)² = 0.5 → 0.0015967,
    // g = 9.82045 m/s², u(g) = 4π²·u(k)/k² = 0.0039004.
    [Fact]
    public void Analyze_SingleReadings_FitsUnweightedAndScaled()
    {
        var input = TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["L"] = TestInputs.PendulumLength(),
                ["T"] = TestInputs.Single(4.258 / 3, 4.663 / 3, 5.036 / 3, 5.383 / 3, 5.710 / 3),
            },
            Constants = new Dictionary<string, ConstantInput>(),
        };

        var result = ExperimentCatalog.Analyze(input);
        var g = Assert.Single(result.Quantities);

        Assert.Equal("scaled", result.Fit.ErrorScaling);
        Assert.Equal(4.020021, result.Fit.Parameters[0].Value, 1e-6);
        Assert.Equal(9.82045, g.Value, 1e-5);
        Assert.Equal(0.0039004, g.Uncertainty, 1e-7);
        Assert.Null(g.Reference);
        Assert.Null(g.RelativeError);
        Assert.Equal("g = (9.820 ± 0.004) m/s²", g.Formatted);
    }

    [Fact]
    public void Analyze_NoTitle_UsesExperimentName()
    {
        var chart = ExperimentCatalog.Analyze(TestInputs.Pendulum() with { Title = null }).Chart;

        Assert.Equal("单摆测重力加速度", chart.Title);
    }

    // One point with a single reading has u(T) = 0: a weighted fit would give it infinite
    // weight, so the fit falls back to unweighted with scaled errors.
    [Fact]
    public void Analyze_OnePointWithoutUncertainty_FallsBackToUnweighted()
    {
        var input = TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["L"] = TestInputs.PendulumLength(),
                ["T"] = TestInputs.Repeated(
                    [1.419, 1.421, 1.418], [1.553, 1.556, 1.554], [1.679], [1.794, 1.796, 1.793], [1.903, 1.905, 1.902]),
            },
        };

        var result = ExperimentCatalog.Analyze(input);

        Assert.Equal("scaled", result.Fit.ErrorScaling);
        Assert.Equal(0, result.Chart.Points[2].YError);
    }

    // An instrument error on T makes every u(T) > 0 even for single readings: weighted.
    // u(T) = 0.01/√3 = 0.0057735 s, so the first point's u(T²) = 2·1.419·0.0057735 = 0.016385 s².
    [Fact]
    public void Analyze_SingleReadingsWithInstrumentError_FitsWeighted()
    {
        var input = TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["L"] = TestInputs.PendulumLength(),
                ["T"] = TestInputs.Single(1.419, 1.554, 1.679, 1.794, 1.903) with { InstrumentError = 0.01 },
            },
        };

        var result = ExperimentCatalog.Analyze(input);

        Assert.Equal("absolute", result.Fit.ErrorScaling);
        Assert.Equal(0.016385, result.Chart.Points[0].YError, 1e-6);
    }
}
