using System.Globalization;

namespace LabCharts.Rendering.Layout;

/// <summary>
/// Moves a power of ten shared by the tick labels into the axis label, as lab reports write it:
/// "<i>U</i> / V" with ticks in millivolts becomes "<i>U</i> / 10⁻³ V" (the ticks then read U in units of 10⁻³ V).
/// </summary>
internal static class AxisLabelMarkup
{
    private const string Separator = " / ";

    public static string WithPowerOfTen(string label, int exponent)
    {
        if (exponent == 0)
        {
            return label;
        }

        var power = PowerOfTen(exponent);
        if (string.IsNullOrWhiteSpace(label))
        {
            return "×" + power;
        }

        var slash = label.IndexOf(Separator, StringComparison.Ordinal);
        return slash < 0
            ? label + Separator + power
            : label[..(slash + Separator.Length)] + power + " " + label[(slash + Separator.Length)..];
    }

    public static string PowerOfTen(int exponent) =>
        "10<sup>" + (exponent < 0 ? "\u2212" : "") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture) + "</sup>";
}
