
namespace LabCharts.Analysis.Tests;

// Issue 8: validation checks without fitting; analysis fits exactly once.
public sealed class FitCountTests
{
    [Fact]
    public void Validate_GoodRequest_DoesNotFit()
    {
        using var fits = new FitCounter(thisThreadOnly: true);

        ExperimentCatalog.Validate(TestInputs.Pendulum());
        ExperimentCatalog.Validate(TestInputs.Custom("expression") with { Model = new ModelSpec("expression", Expression: "a*x + b") });

        Assert.Equal(0, fits.Count);
    }

    [Fact]
    public void Analyze_ValidatedRequest_FitsOnce()
    {
        var validated = ExperimentCatalog.Validate(TestInputs.Pendulum());
        using var fits = new FitCounter(thisThreadOnly: true);

        var result = ExperimentCatalog.Analyze(validated);

        Assert.Equal(1, fits.Count);
        Assert.Equal("g = (9.821 ± 0.023) m/s²", Assert.Single(result.Quantities).Formatted);
    }

    [Fact]
    public void Analyze_Request_ValidatesAndFitsOnce()
    {
        using var fits = new FitCounter(thisThreadOnly: true);

        ExperimentCatalog.Analyze(TestInputs.Pendulum());

        Assert.Equal(1, fits.Count);
    }

    [Fact]
    public void Validate_SlopeOnlyTheFitFinds_DoesNotFitAndPasses()
    {
        var input = TestInputs.Pendulum() with
        {
            Columns = new Dictionary<string, ColumnInput>
            {
                ["L"] = TestInputs.PendulumLength(),
                ["T"] = TestInputs.Single(1.90, 1.79, 1.68, 1.55, 1.42),
            },
        };
        using var fits = new FitCounter(thisThreadOnly: true);

        var validated = ExperimentCatalog.Validate(input);
        Assert.Equal(0, fits.Count);
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Analyze(validated));

        Assert.Equal("non_physical_slope", error.Code);
        Assert.Equal(1, fits.Count);
    }
}
