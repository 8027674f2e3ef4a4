namespace LabCharts.Rendering.Tests;

public sealed class TickGeneratorTests
{
    [Theory]
    [InlineData(0.13, 0.2)]
    [InlineData(0.1, 0.1)]
    [InlineData(0.21, 0.5)]
    [InlineData(1.5, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(0.0042, 0.005)]
    public void NiceStep_RawStep_RoundsUpTo125(double raw, double expected) =>
        Assert.Equal(expected, TickGenerator.NiceStep(raw), 12);

    [Fact]
    public void Generate_TenthsRange_LabelsWithoutFloatNoise()
    {
        var ticks = TickGenerator.Generate(0, 0.7, 7);

        Assert.Equal(["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"], ticks.Ticks.Select(t => t.Label));
        Assert.Equal(0, ticks.Exponent);
    }

    [Fact]
    public void Generate_RangeAroundPointThree_PrintsPointThree()
    {
        var ticks = TickGenerator.Generate(0.1 + 0.2 - 0.05, 0.1 + 0.2 + 0.05, 1);

        Assert.Contains(ticks.Ticks, t => t.Label == "0.3");
        Assert.DoesNotContain(ticks.Ticks, t => t.Label.Length > 4);
    }

    [Fact]
    public void Generate_Pendulum_Steps()
    {
        var ticks = TickGenerator.Generate(0.48, 0.92, 5);

        Assert.Equal(0.1, ticks.Step, 12);
        Assert.Equal(["0.5", "0.6", "0.7", "0.8", "0.9"], ticks.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Generate_NegativeRange_UsesMinusSignAndPlainZero()
    {
        var ticks = TickGenerator.Generate(-2, 2, 4);

        Assert.Equal(["\u22122", "\u22121", "0", "1", "2"], ticks.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Generate_Frequencies_SharesPowerOfTen()
    {
        var ticks = TickGenerator.Generate(4.3e14, 7.6e14, 7);

        Assert.Equal(14, ticks.Exponent);
        Assert.Equal(["4.5", "5.0", "5.5", "6.0", "6.5", "7.0", "7.5"], ticks.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Generate_Microamps_SharesNegativePowerOfTen()
    {
        var ticks = TickGenerator.Generate(0, 4.2e-6, 5);

        Assert.Equal(-6, ticks.Exponent);
        Assert.Equal(["0", "1", "2", "3", "4"], ticks.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Generate_InvalidRange_Throws() =>
        Assert.Throws<ArgumentException>(() => TickGenerator.Generate(1, 1, 5));

    [Theory]
    [InlineData(-0.0001, 2, "0.00")]
    [InlineData(0.30000000000000004, 1, "0.3")]
    [InlineData(-1.25, 2, "\u22121.25")]
    public void FormatNumber_Value_Formatted(double value, int decimals, string expected) =>
        Assert.Equal(expected, TickGenerator.FormatNumber(value, decimals));
}

public sealed class MinorAndExponentTickTests
{
    [Fact]
    public void Generate_StepOne_FiveMinorDivisions()
    {
        var ticks = TickGenerator.Generate(0, 3, 3);

        Assert.Equal(1, ticks.Step, 12);
        Assert.Equal(12, ticks.Minor.Count); // 0.2 0.4 0.6 0.8 in each of three steps
        Assert.All(ticks.Minor, v => Assert.DoesNotContain(ticks.Ticks, t => Math.Abs(t.Value - v) < 1e-9));
    }

    [Fact]
    public void Generate_StepTwo_FourMinorDivisions()
    {
        var ticks = TickGenerator.Generate(0, 8, 4);

        Assert.Equal(2, ticks.Step, 12);
        Assert.Contains(ticks.Minor, v => Math.Abs(v - 0.5) < 1e-9);
        Assert.Equal(12, ticks.Minor.Count);
    }

    [Fact]
    public void Generate_Millivolts_SharesMinusThree()
    {
        var ticks = TickGenerator.Generate(0, 0.0052, 5);

        Assert.Equal(-3, ticks.Exponent);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], ticks.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Generate_StepWouldHalveCount_TakesSmallerNiceStep()
    {
        var ticks = TickGenerator.Generate(1.0, 4.9, 7);

        Assert.Equal(0.5, ticks.Step, 12);
    }
}
