using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>Integer exponents as Unicode superscripts (<c>⁻³⁴</c>) and as Pango markup.</summary>
internal static class Superscript
{
    private const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static string Unicode(int exponent)
    {
        var text = exponent.ToString(CultureInfo.InvariantCulture);
        var chars = text.Select(c => c == '-' ? '⁻' : Digits[c - '0']).ToArray();
        return new string(chars);
    }

    // U+2212 is the typographic minus; the hyphen would look too short in a superscript.
    public static string Markup(int exponent) =>
        $"<sup>{exponent.ToString(CultureInfo.InvariantCulture).Replace("-", "\u2212", StringComparison.Ordinal)}</sup>";

    public static bool IsSuperscript(char c) => c == '⁻' || Digits.Contains(c, StringComparison.Ordinal);

    public static bool TryParse(string text, out int exponent)
    {
        var ascii = new string(text.Select(c => c == '⁻' ? '-' : (char)('0' + Digits.IndexOf(c, StringComparison.Ordinal))).ToArray());
        return int.TryParse(ascii, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) && exponent != 0;
    }
}
