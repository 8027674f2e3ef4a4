namespace LabCharts.Rendering.Tests;

public sealed class LogTickGeneratorTests
{
    [Fact]
    public void Generate_ThreeDecades_LabelsDecadesAndMinorTwoToNine()
    {
        var ticks = LogTickGenerator.Generate(0.5, 2000, 6);

        Assert.Equal([1, 10, 100, 1000], ticks.Ticks.Select(t => t.Value));
        Assert.Equal(["1", "10", "100", "1000"], ticks.Ticks.Select(t => t.Label));
        Assert.Contains(ticks.Minor, v => Math.Abs(v - 0.5) < 1e-12);
        Assert.Contains(ticks.Minor, v => Math.Abs(v - 2000) < 1e-9);
        Assert.Equal(5 + (3 * 8) + 1, ticks.Minor.Count); // 0.5…0.9, 2…9 in three decades, 2000
    }

    [Fact]
    public void Generate_ManyDecades_LabelsEveryOtherAndUsesPowerMarkup()
    {
        var ticks = LogTickGenerator.Generate(1e-9, 1e9, 6);

        Assert.True(ticks.Ticks.Count <= 10);
        Assert.Contains(ticks.Ticks, t => t.Label == "10<sup>\u22126</sup>");
        Assert.Contains(ticks.Ticks, t => t.Label == "10<sup>6</sup>");
        Assert.All(ticks.Minor, v => Assert.DoesNotContain(ticks.Ticks, t => t.Value == v));
    }

    [Fact]
    public void Generate_NarrowRange_FallsBackToLinearSteps()
    {
        var ticks = LogTickGenerator.Generate(2, 8, 5);

        Assert.True(ticks.Ticks.Count >= 3);
        Assert.All(ticks.Ticks, t => Assert.InRange(t.Value, 2, 8));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(-2, "0.01")]
    [InlineData(3, "1000")]
    [InlineData(4, "10<sup>4</sup>")]
    [InlineData(-3, "10<sup>\u22123</sup>")]
    public void Label_Exponent_PlainNearOneElsePower(int exponent, string expected) =>
        Assert.Equal(expected, LogTickGenerator.Label(exponent));

    [Fact]
    public void Generate_NonPositiveMin_Throws() =>
        Assert.Throws<ArgumentException>(() => LogTickGenerator.Generate(0, 10, 5));
}
