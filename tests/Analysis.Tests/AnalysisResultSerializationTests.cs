using System.Text.Json;

namespace LabCharts.Analysis.Tests;

public sealed class AnalysisResultSerializationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    // System.Text.Json throws on NaN and ∞ by default, so serializing is itself the check that
    // the results contain none.
    [Fact]
    public void Serialize_FitAndQuantities_ProducesCamelCaseJson()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Pendulum());

        var json = JsonSerializer.Serialize(new { fit = result.Fit, quantities = result.Quantities }, Web);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("T² = k·L + c", root.GetProperty("fit").GetProperty("model").GetString());
        Assert.Equal("absolute", root.GetProperty("fit").GetProperty("errorScaling").GetString());
        Assert.Equal(2, root.GetProperty("fit").GetProperty("covariance").GetArrayLength());
        Assert.Equal("g = (9.821 ± 0.023) m/s²", root.GetProperty("quantities")[0].GetProperty("formatted").GetString());
    }

    // Points exactly on T² = (4π²/9.8)·L: zero residuals, an exact fit. Nothing may be NaN;
    // the uncertainty is noise and g prints without ±.
    [Fact]
    public void Analyze_ExactData_HasNoNaNAndPrintsWithoutUncertainty()
    {
        double[] lengths = [0.5, 0.6, 0.7, 0.8, 0.9];
        var periods = lengths.Select(l => 2 * Math.PI * Math.Sqrt(l / 9.8)).ToArray();
        var input = new ExperimentInput
        {
            Experiment = "pendulum",
            Columns = new Dictionary<string, ColumnInput> { ["L"] = TestInputs.Single(lengths), ["T"] = TestInputs.Single(periods) },
        };

        var result = ExperimentCatalog.Analyze(input);
        var json = JsonSerializer.Serialize(new { fit = result.Fit, quantities = result.Quantities }, Web);

        Assert.Equal(9.8, result.Quantities[0].Value, 1e-9);
        Assert.Equal("g = 9.800 m/s²", result.Quantities[0].Formatted);
        Assert.Equal(1, result.Fit.RSquared, 1e-12);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
    }
}
