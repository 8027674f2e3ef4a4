namespace LabCharts.Analysis.Tests;

public sealed class ExperimentCatalogTests
{
    [Fact]
    public void All_ContainsTheDesignCatalogue()
    {
        Assert.Equal(
            ["pendulum", "ohm", "young_modulus", "hall_effect", "photoelectric", "franck_hertz", "newton_rings", "thermal_expansion",
             "rc_circuit", "thermistor", "sound_speed", "grating", "forced_oscillation", "cooling", "diode", "michelson", "custom"],
            ExperimentCatalog.All.Select(e => e.Definition.Id));
    }

    [Fact]
    public void All_EveryDefinitionHasNamesAndParsableUnits()
    {
        foreach (var definition in ExperimentCatalog.All.Select(e => e.Definition))
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.NameZh));
            Assert.False(string.IsNullOrWhiteSpace(definition.NameEn));
            Assert.All(definition.Columns, c => Assert.NotNull(PhysicalUnit.Parse(c.Unit)));
            Assert.All(definition.Constants, c => Assert.NotNull(PhysicalUnit.Parse(c.Unit)));
        }
    }

    [Fact]
    public void Get_KnownId_ReturnsExperiment()
    {
        Assert.Equal("pendulum", ExperimentCatalog.Get("pendulum").Definition.Id);
    }

    [Fact]
    public void Get_UnknownId_ThrowsUnknownExperiment()
    {
        var error = Assert.Throws<AnalysisException>(() => ExperimentCatalog.Get("spectrometer"));

        Assert.Equal("unknown_experiment", error.Code);
        Assert.Equal("experiment", error.Field);
        Assert.Contains("spectrometer", error.MessageZh, StringComparison.Ordinal);
        Assert.Equal(error.MessageEn, error.Message);
    }

    [Fact]
    public void Definition_Pendulum_DescribesColumnsConstantsAndModel()
    {
        var definition = ExperimentCatalog.Get("pendulum").Definition;

        Assert.Equal("单摆测重力加速度", definition.NameZh);
        Assert.Equal([("L", "m"), ("T", "s")], definition.Columns.Select(c => (c.Key, c.Unit)));
        var gRef = Assert.Single(definition.Constants);
        Assert.Equal(("g_ref", "m/s²", (double?)null, false), (gRef.Key, gRef.Unit, gRef.Default, gRef.Required));
        Assert.Equal("T² = k·L + c", definition.Model);
        Assert.Empty(definition.Models);
    }

    [Fact]
    public void Definition_Custom_ListsModels()
    {
        Assert.Equal(
            ["linear", "proportional", "york", "polynomial", "expression", "exponential", "power", "logarithmic", "gaussian", "lorentzian", "damped_sine", "sigmoid", "resonance"],
            ExperimentCatalog.Get("custom").Definition.Models);
    }

    [Fact]
    public void Analyze_ThroughCatalog_DispatchesOnExperimentId()
    {
        var result = ExperimentCatalog.Analyze(TestInputs.Pendulum());

        Assert.Equal("g", Assert.Single(result.Quantities).Symbol);
    }
}
