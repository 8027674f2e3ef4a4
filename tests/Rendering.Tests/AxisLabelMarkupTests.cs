using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Tests;

public sealed class AxisLabelMarkupTests
{
    [Theory]
    [InlineData("<i>U</i> / V", -3, "<i>U</i> / 10<sup>\u22123</sup> V")]
    [InlineData("频率 <i>ν</i> / Hz", 14, "频率 <i>ν</i> / 10<sup>14</sup> Hz")]
    [InlineData("计数", 4, "计数 / 10<sup>4</sup>")]
    [InlineData("", -6, "×10<sup>\u22126</sup>")]
    [InlineData("<i>T</i> / s", 0, "<i>T</i> / s")]
    public void WithPowerOfTen_Label_MovesPowerBeforeUnit(string label, int exponent, string expected) =>
        Assert.Equal(expected, AxisLabelMarkup.WithPowerOfTen(label, exponent));
}
