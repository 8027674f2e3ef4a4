namespace LabCharts.Analysis.Tests;

public sealed class StandardUncertaintyTests
{
    // Readings 1.419, 1.421, 1.418 s: mean 4.258/3 = 1.4193333; deviations −1/3, +5/3, −4/3 (×10⁻³)
    // s = √((1 + 25 + 16)/9 · 10⁻⁶ / 2) = √(7/3)·10⁻³ = 1.527525·10⁻³; u_A = s/√3 = √7/3·10⁻³ = 0.8819171·10⁻³
    [Fact]
    public void TypeA_ThreeReadings_IsStandardDeviationOfMean()
    {
        double[] readings = [1.419, 1.421, 1.418];

        Assert.Equal(4.258 / 3, StandardUncertainty.Mean(readings), 1e-12);
        Assert.Equal(Math.Sqrt(7) / 3 * 1e-3, StandardUncertainty.TypeA(readings), 1e-12);
    }

    // 10.2, 10.4, 10.3, 10.5, 10.1 mm: mean 10.3; Σd² = 0.01 + 0.01 + 0 + 0.04 + 0.04 = 0.10
    // s = √(0.10/4) = 0.158114; u_A = s/√5 = 0.0707107
    [Fact]
    public void TypeA_FiveReadings_MatchesHandWorked()
    {
        Assert.Equal(0.0707107, StandardUncertainty.TypeA([10.2, 10.4, 10.3, 10.5, 10.1]), 1e-7);
    }

    [Fact]
    public void TypeA_SingleReading_IsZero()
    {
        Assert.Equal(0, StandardUncertainty.TypeA([1.5]));
    }

    // Vernier caliper Δ = 0.02 mm: u_B = 0.02/√3 = 0.0115470 mm
    [Fact]
    public void TypeB_InstrumentError_DividesByRootThree()
    {
        Assert.Equal(0.0115470, StandardUncertainty.TypeB(0.02), 1e-7);
    }

    // u_A = 0.0707107, u_B = 0.0115470: u = √(0.005 + 0.000133333) = √0.00513333 = 0.0716473
    [Fact]
    public void Combine_TypeAAndB_AddsInQuadrature()
    {
        Assert.Equal(0.0716473, StandardUncertainty.Combine(0.0707107, 0.0115470), 1e-7);
        Assert.Equal(5, StandardUncertainty.Combine(3, 4), 1e-12);
    }

    // The reader applies the same rules per point: T readings with Δ = 0.01 s give
    // u = √((√7/3·10⁻³)² + (0.01/√3)²) = √(7.7778·10⁻⁷ + 3.3333·10⁻⁵) = 5.84047·10⁻³ s.
    [Fact]
    public void ReadColumn_RepeatedReadingsWithInstrumentError_CombinesPerPoint()
    {
        var definition = new ColumnDefinition("T", "周期", "period", "s", true, true);
        var column = TestInputs.Repeated([1.419, 1.421, 1.418], [1.5]) with { InstrumentError = 0.01 };

        var read = ExperimentInputReader.ReadColumn(definition, column);

        Assert.Equal(4.258 / 3, read.Values[0], 1e-12);
        Assert.Equal(5.84047e-3, read.Uncertainties[0], 1e-8);
        Assert.Equal(0.01 / Math.Sqrt(3), read.Uncertainties[1], 1e-12);
    }

    // Given errors replace the type A estimate; one value applies to every point; units convert.
    [Fact]
    public void ReadColumn_SingleErrorInMilliseconds_AppliesToAllPointsInSeconds()
    {
        var definition = new ColumnDefinition("T", "周期", "period", "s", true, true);
        var column = TestInputs.Repeated([1419, 1421, 1418], [1500]) with { Unit = "ms", Errors = [2] };

        var read = ExperimentInputReader.ReadColumn(definition, column);

        Assert.Equal(4.258 / 3, read.Values[0], 1e-12);
        Assert.Equal([0.002, 0.002], read.Uncertainties.Select(u => Math.Round(u, 12)));
    }
}
