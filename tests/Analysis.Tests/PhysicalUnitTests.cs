namespace LabCharts.Analysis.Tests;

public sealed class PhysicalUnitTests
{
    public static TheoryData<string, double, string> Conversions => new()
    {
        { "m", 1, "m" },
        { "cm", 1e-2, "m" },
        { "mm", 1e-3, "m" },
        { "μm", 1e-6, "m" },
        { "\u00B5m", 1e-6, "m" }, // micro sign, as some keyboards type it
        { "um", 1e-6, "m" },
        { "nm", 1e-9, "m" },
        { "km", 1e3, "m" },
        { "s", 1, "s" },
        { "ms", 1e-3, "s" },
        { "min", 60, "s" },
        { "h", 3600, "s" },
        { "A", 1, "A" },
        { "mA", 1e-3, "A" },
        { "μA", 1e-6, "A" },
        { "uA", 1e-6, "A" },
        { "V", 1, "V" },
        { "mV", 1e-3, "V" },
        { "kV", 1e3, "V" },
        { "Ω", 1, "Ω" },
        { "\u2126", 1, "Ω" }, // ohm sign
        { "kΩ", 1e3, "Ω" },
        { "kOhm", 1e3, "Ω" },
        { "MΩ", 1e6, "Ω" },
        { "rad", 1, "rad" },
        { "°", Math.PI / 180, "rad" },
        { "deg", Math.PI / 180, "rad" },
        { "g", 1e-3, "kg" },
        { "kg", 1, "kg" },
        { "mg", 1e-6, "kg" },
        { "Hz", 1, "Hz" },
        { "kHz", 1e3, "Hz" },
        { "mol", 1, "mol" },
        { "eV", 1.602176634e-19, "J" },
        { "m/s^2", 1, "m/s²" },
        { "m/s²", 1, "m/s²" },
        { "m·s^-2", 1, "m/s²" },
        { "cm/s^2", 1e-2, "m/s²" },
        { "s^2/m", 1, "s²/m" },
        { "s2/m", 1, "s²/m" },
        { "J·s", 1, "J·s" },
        { "J*s", 1, "J·s" },
        { "N m", 1, "N·m" }, // the SI brochure's space as product sign
        { "1/s", 1, "s⁻¹" },
        { "kg/(m·s)", 1, "kg/(m·s)" },
        { "mm/min", 1e-3 / 60, "m/s" },
        { "", 1, "" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Parse_KnownUnit_ConvertsToSi(string text, double factor, string si)
    {
        var unit = PhysicalUnit.Parse(text);

        Assert.NotNull(unit);
        Assert.Equal(factor, unit.Factor, factor * 1e-12);
        Assert.Equal(si, unit.SiText);
    }

    [Theory]
    [InlineData("furlong")]
    [InlineData("m^")]
    [InlineData("m/")]
    [InlineData("(m")]
    [InlineData("kmin")]
    [InlineData("5m")]
    public void Parse_UnknownUnit_ReturnsNull(string text)
    {
        Assert.Null(PhysicalUnit.Parse(text));
    }

    [Theory]
    [InlineData("cm", "m", true)]
    [InlineData("kΩ", "V/A", true)]
    [InlineData("min", "s", true)]
    [InlineData("°", "rad", true)]
    [InlineData("s", "m", false)]
    [InlineData("°", "", false)]
    [InlineData("Hz", "rad/s", false)]
    [InlineData("cm/s^2", "m/s²", true)]
    public void IsCompatibleWith_Dimensions_Compare(string unit, string other, bool compatible)
    {
        Assert.Equal(compatible, PhysicalUnit.Parse(unit)!.IsCompatibleWith(PhysicalUnit.Parse(other)!));
    }

    [Theory]
    [InlineData("m/s^2", "m/s<sup>2</sup>")]
    [InlineData("s^2/m", "s<sup>2</sup>/m")]
    [InlineData("1/s", "s<sup>\u22121</sup>")]
    public void SiMarkup_Exponents_UseSupTags(string text, string markup)
    {
        Assert.Equal(markup, PhysicalUnit.Parse(text)!.SiMarkup);
    }

    [Fact]
    public void MultiplyAndPow_ComposeSlopeUnit()
    {
        var second = PhysicalUnit.Parse("s")!;
        var metre = PhysicalUnit.Parse("m")!;

        Assert.Equal("s²/m", second.Pow(2).Multiply(metre.Pow(-1)).SiText);
        Assert.Equal("", metre.Multiply(metre.Pow(-1)).SiText);
    }
}

public sealed class UnitConversionCatalogueTests
{
    [Theory]
    [InlineData("μm", 1e-6)]
    [InlineData("nm", 1e-9)]
    [InlineData("mA", 1e-3)]
    [InlineData("μA", 1e-6)]
    [InlineData("nA", 1e-9)]
    [InlineData("mV", 1e-3)]
    [InlineData("kΩ", 1e3)]
    [InlineData("min", 60)]
    [InlineData("ms", 1e-3)]
    [InlineData("kHz", 1e3)]
    [InlineData("°", Math.PI / 180)]
    [InlineData("′", Math.PI / 10800)]
    [InlineData("'", Math.PI / 10800)]
    public void Parse_IssueUnits_ConvertToSi(string unit, double factor)
    {
        Assert.Equal(factor, PhysicalUnit.Parse(unit)!.Factor, factor * 1e-12);
    }

    [Theory]
    [InlineData("°C", "K", 25, 298.15)]
    [InlineData("K", "°C", 300, 26.85)]
    [InlineData("℃", "°C", 20, 20)]
    public void ConvertValue_LoneTemperatures_ApplyTheOffset(string from, string to, double value, double expected)
    {
        Assert.Equal(expected, PhysicalUnit.Parse(from)!.ConvertValue(value, PhysicalUnit.Parse(to)!), 1e-9);
    }

    [Fact]
    public void ConvertDifference_Temperature_IsNeverShifted()
    {
        // An uncertainty of 0.5 °C is 0.5 K: differences carry no offset.
        Assert.Equal(0.5, PhysicalUnit.Parse("°C")!.ConvertDifference(0.5, PhysicalUnit.Parse("K")!), 12);
    }

    [Theory]
    [InlineData("V/(A·T)", "V/(A·T)")]
    [InlineData("m^-3", "m⁻³")]
    [InlineData("J·s", "J·s")]
    [InlineData("m/s^2", "m/s²")]
    public void SiText_OutputUnits_AreTypeset(string unit, string text)
    {
        Assert.Equal(text, PhysicalUnit.Parse(unit)!.SiText);
    }
}
