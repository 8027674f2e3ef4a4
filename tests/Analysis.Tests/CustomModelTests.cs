using static LabCharts.Analysis.Tests.CatalogInputs;

namespace LabCharts.Analysis.Tests;

public sealed class CustomModelTests
{
    private static ExperimentInput Custom(double[] x, double[] y, ModelSpec model, double[]? sx = null, double[]? sy = null) => new()
    {
        Experiment = "custom",
        Columns = new Dictionary<string, ColumnInput>
        {
            ["x"] = Col(null, x) with { Errors = sx },
            ["y"] = Col(null, y) with { Errors = sy },
        },
        Model = model,
    };

    [Fact]
    public void York_PearsonYorkData_MatchesPublishedSlopeAndIntercept()
    {
        // Pearson's data with York's weights (York 1966; York et al., Am. J. Phys. 72, 367 (2004), table):
        // published b = −0.48053, a = 5.47991 with absolute standard errors σ(b) = 0.0580,
        // σ(a) = 0.2950; scaled by √(S/(n − 2)) = √(11.87/8) = 1.218 they become the 0.0706 and
        // 0.3592 quoted by Cantrell (2008).
        double[] x = [0.0, 0.9, 1.8, 2.6, 3.3, 4.4, 5.2, 6.1, 6.5, 7.4];
        double[] wx = [1000, 1000, 500, 800, 200, 80, 60, 20, 1.8, 1];
        double[] y = [5.9, 5.4, 4.4, 4.6, 3.5, 3.7, 2.8, 2.8, 2.4, 1.5];
        double[] wy = [1, 1.8, 4, 8, 20, 20, 70, 70, 100, 500];
        var result = ExperimentCatalog.Analyze(Custom(x, y, new ModelSpec("york"), [.. wx.Select(w => 1 / Math.Sqrt(w))], [.. wy.Select(w => 1 / Math.Sqrt(w))]));
        Assert.Equal(-0.48053, result.Fit.Parameters[0].Value, 5e-5);
        Assert.Equal(5.47991, result.Fit.Parameters[1].Value, 5e-5);
        Assert.Equal(0.0580, result.Fit.Parameters[0].StandardError, 5e-4);
        Assert.Equal(0.2950, result.Fit.Parameters[1].StandardError, 5e-4);
        Assert.Equal(11.87, result.Fit.ChiSquared, 0.01);
        Assert.Equal("York", result.Fit.Method);
    }

    [Fact]
    public void Expression_ExponentialWithOffset_RecoversParametersAndGivesBands()
    {
        // y = 3·e^(−x/2) + 1 exactly at x = 0 … 10: a = 3, b = 2, c = 1.
        var x = Range(0, 1, 11);
        var y = x.Select(v => (3 * Math.Exp(-v / 2)) + 1).ToArray();
        var result = ExperimentCatalog.Analyze(Custom(x, y, new ModelSpec("expression", Expression: "a*exp(-x/b)+c", Initial: new Dictionary<string, double> { ["a"] = 1, ["b"] = 1, ["c"] = 0 })));
        Assert.Equal([3, 2, 1], result.Fit.Parameters.Select(p => Math.Round(p.Value, 8)));
        Assert.Equal("y = a*exp(-x/b)+c", result.Fit.Model);
        Assert.NotNull(result.Chart.ConfidenceBand);
        Assert.Equal(0, result.Chart.ConfidenceBand!(5), 1e-6);
    }

    [Fact]
    public void Expression_Malformed_GivesPosition()
    {
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(Custom([1, 2, 3], [1, 2, 3], new ModelSpec("expression", Expression: "a*x+"))));
        Assert.Equal("invalid_expression", error.Code);
        Assert.Contains("position 5", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_InitialForUnknownParameter_IsRejected()
    {
        var model = new ModelSpec("expression", Expression: "a*x", Initial: new Dictionary<string, double> { ["a"] = 1, ["q"] = 2 });
        Assert.Equal("invalid_initial_guess", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(Custom([1, 2, 3], [1, 2, 3], model))).Code);
    }

    [Theory]
    [InlineData("exponential")]
    [InlineData("power")]
    [InlineData("logarithmic")]
    [InlineData("gaussian")]
    [InlineData("lorentzian")]
    [InlineData("damped_sine")]
    [InlineData("sigmoid")]
    [InlineData("resonance")]
    public void NamedModel_DataFromTheModel_AreFittedFromAutomaticGuesses(string kind)
    {
        // Each curve is generated from its own formula with round parameters; the automatic guess
        // plus Levenberg–Marquardt must give them back (R² = 1).
        var x = Range(0.5, 0.25, 40);
        Func<double, double> f = kind switch
        {
            "exponential" => v => (2 * Math.Exp(-0.7 * v)) + 0.5,
            "power" => v => 1.5 * Math.Pow(v, 1.7),
            "logarithmic" => v => (2 * Math.Log(v)) + 1,
            "gaussian" => v => 4 * Math.Exp(-Math.Pow(v - 5, 2) / (2 * 1.2 * 1.2)),
            "lorentzian" => v => 4 / (1 + Math.Pow((v - 5) / 0.8, 2)),
            "damped_sine" => v => (3 * Math.Exp(-0.2 * v) * Math.Sin((2.5 * v) + 0.4)) + 1,
            "sigmoid" => v => (5 / (1 + Math.Exp(-(v - 5) / 0.9))) + 1,
            _ => v => 20 / Math.Sqrt(Math.Pow(25 - (v * v), 2) + Math.Pow(0.8 * v, 2)),
        };
        var result = ExperimentCatalog.Analyze(Custom(x, [.. x.Select(f)], new ModelSpec(kind)));
        Assert.True(result.Fit.RSquared > 1 - 1e-9, $"{kind}: R² = {result.Fit.RSquared}");
    }

    [Fact]
    public void Polynomial_Quadratic_IsExact()
    {
        // y = 1 − 2x + 0.5x² at x = −3 … 3.
        var x = Range(-3, 1, 7);
        var result = ExperimentCatalog.Analyze(Custom(x, [.. x.Select(v => 1 - (2 * v) + (0.5 * v * v))], new ModelSpec("polynomial", Degree: 2)));
        Assert.Equal([1, -2, 0.5], result.Fit.Parameters.Select(p => Math.Round(p.Value, 10)));
    }

    [Fact]
    public void Polynomial_DegreeEleven_IsInvalid()
    {
        Assert.Equal("invalid_degree", Assert.Throws<AnalysisException>(() => ExperimentCatalog.Validate(Custom(Range(0, 1, 20), Range(0, 1, 20), new ModelSpec("polynomial", Degree: 11)))).Code);
    }

    [Fact]
    public void Line_Bands_FollowDeltaMethod()
    {
        // Ohm's worked example (LineExperimentTests): s² = 0.012, Sxx = 10, n = 5, x̄ = 3, dof 3.
        // Confidence half-width at x̄: t(0.975, 3)·√(s²/n) = 3.1824·√0.0024 = 0.15591;
        // prediction at x̄: 3.1824·√(s²/n + s²) = 3.1824·√0.0144 = 0.38189.
        var result = ExperimentCatalog.Analyze(Custom([1, 2, 3, 4, 5], [2.0, 4.1, 5.9, 8.1, 9.9], new ModelSpec("linear")));
        Assert.Equal(0.15591, result.Chart.ConfidenceBand!(3), 1e-4);
        Assert.Equal(0.38189, result.Chart.PredictionBand!(3), 1e-4);
    }
}
