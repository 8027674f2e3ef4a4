using System.Globalization;
using LabCharts.Analysis;

namespace LabCharts.Processing.Reports;

/// <summary>
/// Numbers as a lab report shows them: the uncertainty to the lab rule's significant figures and the
/// value to the same decimal place (<see cref="MeasurementRounder"/>). In a table a number is written out
/// in decimals while its last digit is at most nine places after the point (0.00029, not 2.9×10⁻⁴);
/// beyond that (or above 10⁶) with a power of ten, as markup for the PDF (<c>1.72×10&lt;sup&gt;11&lt;/sup&gt;</c>)
/// or plain for a spreadsheet and Python (<c>1.72E11</c>).
/// </summary>
internal static class ReportNumbers
{
    private const int MaxDecimals = 9;
    private const int MaxPlainExponent = 5;

    /// <summary>
    /// The value and its uncertainty, each as markup. Without an uncertainty (an index, a load, a value typed
    /// exactly) the value is written as given, to at most ten significant figures.
    /// </summary>
    public static (string Value, string Uncertainty) Markup(double value, double uncertainty, UncertaintyRounding rounding) =>
        uncertainty > 0 ? Format(value, uncertainty, rounding, MarkupPower, "−") : (AsGiven(value, MarkupPower, "−"), "0");

    /// <summary>The value and its uncertainty as plain numbers (<c>E</c> exponent when a power of ten is needed).</summary>
    public static (string Value, string Uncertainty) Plain(double value, double uncertainty, UncertaintyRounding rounding) =>
        uncertainty > 0 ? Format(value, uncertainty, rounding, PlainPower, "-") : (AsGiven(value, PlainPower, "-"), "0");

    /// <summary>A computed number without an uncertainty of its own (a residual, a sensitivity): four significant figures.</summary>
    public static string Markup(double value) => Format(value, 0, UncertaintyRounding.HalfEven, MarkupPower, "−").Value;

    /// <summary>As <see cref="Markup(double)"/>, plain.</summary>
    public static string Plain(double value) => Format(value, 0, UncertaintyRounding.HalfEven, PlainPower, "-").Value;

    private static string MarkupPower(int power) => $"×10<sup>{power.ToString(CultureInfo.InvariantCulture).Replace("-", "−", StringComparison.Ordinal)}</sup>";

    private static string PlainPower(int power) => "E" + power.ToString(CultureInfo.InvariantCulture);

    // 78.3096, 12345, 1.6×10⁻¹⁹: the shortest of ten significant figures, a power of ten only where G10 uses one.
    private static string AsGiven(double value, Func<int, string> powerOfTen, string minus)
    {
        if (!double.IsFinite(value))
        {
            return "—";
        }

        var text = value.ToString("G10", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? text : text[..e];
        var power = e < 0 ? "" : powerOfTen(int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        return Sign(mantissa, minus) + power;
    }

    /// <summary>A standard uncertainty alone, to the lab rule's figures, as markup.</summary>
    public static string UncertaintyMarkup(double uncertainty, UncertaintyRounding rounding) => Markup(uncertainty, uncertainty, rounding).Uncertainty;

    /// <summary>As <see cref="UncertaintyMarkup"/>, plain.</summary>
    public static string UncertaintyPlain(double uncertainty, UncertaintyRounding rounding) => Plain(uncertainty, uncertainty, rounding).Uncertainty;

    private static (string Value, string Uncertainty) Format(double value, double uncertainty, UncertaintyRounding rounding, Func<int, string> powerOfTen, string minus)
    {
        var rounded = MeasurementRounder.Round(double.IsFinite(value) ? value : 0, double.IsFinite(uncertainty) && uncertainty > 0 ? uncertainty : 0, rounding);
        if (rounded.PowerOfTen is not int power)
        {
            return (Sign(rounded.ValueText, minus), rounded.UncertaintyText ?? "0");
        }

        if (rounded.DecimalPlace is >= -MaxDecimals and <= 0 && power <= MaxPlainExponent)
        {
            var decimals = "F" + (-rounded.DecimalPlace).ToString(CultureInfo.InvariantCulture);
            return (Sign(Scale(rounded.ValueText, power).ToString(decimals, CultureInfo.InvariantCulture), minus),
                rounded.UncertaintyText is { } u ? Scale(u, power).ToString(decimals, CultureInfo.InvariantCulture) : "0");
        }

        var suffix = powerOfTen(power);
        return (Sign(rounded.ValueText, minus) + suffix, rounded.UncertaintyText is { } text ? text + suffix : "0");
    }

    // A mantissa text ("−5.03") times 10^power, exactly, in decimal.
    private static decimal Scale(string mantissa, int power)
    {
        var digits = decimal.Parse(mantissa.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture);
        for (var i = 0; i < Math.Abs(power); i++)
        {
            digits = power > 0 ? digits * 10 : digits / 10;
        }

        return digits;
    }

    private static string Sign(string text, string minus) => text.Replace("−", minus, StringComparison.Ordinal).Replace("-", minus, StringComparison.Ordinal);
}
