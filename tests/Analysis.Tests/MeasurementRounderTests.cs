namespace LabCharts.Analysis.Tests;

public sealed class MeasurementRounderTests
{
    // value, uncertainty, rounding, expected — each worked by the lab rule: the uncertainty
    // keeps one significant figure, two when its first digit is 1 or 2; the value is rounded to
    // the same place; ties go to the even digit (四舍六入五凑偶) or, for 只进不舍, the
    // uncertainty always rounds up.
    public static TheoryData<double, double, UncertaintyRounding, string> Cases => new()
    {
        // First digit 1 → two figures: 0.0149 → 0.015 (the 9 rounds up).
        { 1.0, 0.0149, UncertaintyRounding.HalfEven, "(1.000 ± 0.015)" },
        // First digit 2 → two figures: 0.0251 → 0.025 (the 1 is dropped).
        { 1.0, 0.0251, UncertaintyRounding.HalfEven, "(1.000 ± 0.025)" },
        // First digit 3 → one figure: 0.0349 → 0.03.
        { 1.0, 0.0349, UncertaintyRounding.HalfEven, "(1.00 ± 0.03)" },
        // Exactly half: 0.045 → 0.04 (4 is even). In binary 0.045 is 0.04499999…, which is why the
        // rounding works on the decimal text.
        { 1.0, 0.045, UncertaintyRounding.HalfEven, "(1.00 ± 0.04)" },
        // Exactly half the other way: 0.055 → 0.06 (6 is even).
        { 1.0, 0.055, UncertaintyRounding.HalfEven, "(1.00 ± 0.06)" },
        // 只进不舍: 0.0341 → 0.04; an exact 0.03 stays 0.03; two figures 0.0141 → 0.015.
        { 1.0, 0.0341, UncertaintyRounding.Up, "(1.00 ± 0.04)" },
        { 1.0, 0.03, UncertaintyRounding.Up, "(1.00 ± 0.03)" },
        { 1.0, 0.0141, UncertaintyRounding.Up, "(1.000 ± 0.015)" },
        // The value's own ties are half to even too: 9.785 → 9.78, 9.775 → 9.78; 9.7851 → 9.79.
        { 9.785, 0.03, UncertaintyRounding.HalfEven, "(9.78 ± 0.03)" },
        { 9.775, 0.03, UncertaintyRounding.HalfEven, "(9.78 ± 0.03)" },
        { 9.7851, 0.03, UncertaintyRounding.HalfEven, "(9.79 ± 0.03)" },
        // A g with u = 0.0312 (first digit 3): one figure.
        { 9.7946, 0.0312, UncertaintyRounding.HalfEven, "(9.79 ± 0.03)" },
        // Not (9.79 ± 0.01): the first digit of 0.0102 is 1, so the rule keeps two figures,
        // 0.010, and the value to 0.001.
        { 9.7946, 0.0102, UncertaintyRounding.HalfEven, "(9.795 ± 0.010)" },
        // 0.0098 has first digit 9 → one figure, rounds up to 0.01.
        { 9.7946, 0.0098, UncertaintyRounding.HalfEven, "(9.79 ± 0.01)" },
        // Negative values keep their sign (U+2212) and round symmetrically.
        { -9.7946, 0.0312, UncertaintyRounding.HalfEven, "(\u22129.79 ± 0.03)" },
        { -0.125, 0.03, UncertaintyRounding.HalfEven, "(\u22120.12 ± 0.03)" },
        // Rounding can carry into a new digit: 0.0951 (one figure) → 0.1, and the value follows
        // to the 0.1 place; a two-figure 0.0296 → 0.030 stays two figures.
        { 1.0, 0.0951, UncertaintyRounding.HalfEven, "(1.0 ± 0.1)" },
        { 1.0, 0.0296, UncertaintyRounding.HalfEven, "(1.000 ± 0.030)" },
        { 1.0, 0.0301, UncertaintyRounding.Up, "(1.00 ± 0.04)" },
        { 1.0, 0.091, UncertaintyRounding.Up, "(1.0 ± 0.1)" },
        // Large and small values take a power-of-ten factor.
        { 6.62607015e-34, 5.1e-36, UncertaintyRounding.HalfEven, "(6.63 ± 0.05)×10⁻³⁴" },
        { 12345.6, 23, UncertaintyRounding.HalfEven, "(1.2346 ± 0.0023)×10⁴" },
        { 5.893e-7, 2.4e-9, UncertaintyRounding.HalfEven, "(5.893 ± 0.024)×10⁻⁷" },
        // An uncertainty in the hundreds would leave ambiguous zeros: 1234 ± 340 → (1.2 ± 0.3)×10³.
        { 1234, 340, UncertaintyRounding.HalfEven, "(1.2 ± 0.3)×10³" },
        // Small but within 10⁻³ prints plainly.
        { 0.00123, 0.00005, UncertaintyRounding.HalfEven, "(0.00123 ± 0.00005)" },
        // A value smaller than its uncertainty's last digit rounds to 0.
        { 0.3, 12, UncertaintyRounding.HalfEven, "(0 ± 12)" },
        // No uncertainty: four significant figures, no ±.
        { 9.8, 0, UncertaintyRounding.HalfEven, "9.800" },
        // An exact fit's floating-point noise counts as no uncertainty.
        { 9.869604401089358, 2e-15, UncertaintyRounding.HalfEven, "9.870" },
        { 0, 0, UncertaintyRounding.HalfEven, "0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Round_TableCase_FormatsAsWorkedByHand(double value, double uncertainty, UncertaintyRounding rounding, string expected)
    {
        var rounded = MeasurementRounder.Round(value, uncertainty, rounding);

        Assert.Equal(expected, rounded.NumberText);
    }

    [Fact]
    public void ToText_Gravity_FormatsWithSymbolAndUnit()
    {
        var text = MeasurementRounder.Round(9.7946, 0.0098).ToText("g", "m/s²");

        Assert.Equal("g = (9.79 ± 0.01) m/s²", text);
    }

    [Fact]
    public void ToText_Planck_UsesPowerOfTenBeforeUnit()
    {
        var text = MeasurementRounder.Round(6.626e-34, 5e-36).ToText("h", "J·s");

        Assert.Equal("h = (6.63 ± 0.05)×10⁻³⁴ J·s", text);
    }

    [Fact]
    public void ToMarkup_Planck_UsesSupTags()
    {
        var markup = MeasurementRounder.Round(6.626e-34, 5e-36).ToMarkup("<i>h</i>", "J·s");

        Assert.Equal("<i>h</i> = (6.63 ± 0.05)×10<sup>\u221234</sup> J·s", markup);
    }

    [Fact]
    public void ToText_NoUnit_LeavesNoTrailingSpace()
    {
        Assert.Equal("k = (2.0 ± 0.3)", MeasurementRounder.Round(2.04, 0.3).ToText("k", ""));
    }

    [Theory]
    [InlineData(double.NaN, 0.1)]
    [InlineData(1.0, double.PositiveInfinity)]
    [InlineData(1.0, -0.1)]
    public void Round_InvalidArguments_Throws(double value, double uncertainty)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MeasurementRounder.Round(value, uncertainty));
    }
}
