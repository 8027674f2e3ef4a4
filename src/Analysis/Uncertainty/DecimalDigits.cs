using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// A double as the decimal number it prints as: mantissa in [1, 10) and power of ten. Working from
/// the shortest round-trip text (not the binary value) is what makes 0.045 round like 0.045
/// rather than like 0.04499999999999999833; separating the exponent keeps values such as
/// 6.6×10⁻³⁴ inside <see cref="decimal"/>'s range.
/// </summary>
internal readonly record struct DecimalDigits(decimal Mantissa, int Exponent)
{
    /// <summary>Splits |<paramref name="value"/>|; the value must be finite and non-zero.</summary>
    public static DecimalDigits Of(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var mantissa = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        while (mantissa >= 10m)
        {
            mantissa /= 10m;
            exponent++;
        }

        while (mantissa < 1m)
        {
            mantissa *= 10m;
            exponent--;
        }

        return new DecimalDigits(mantissa, exponent);
    }

    /// <summary>The first significant digit (1–9).</summary>
    public int LeadingDigit => (int)decimal.Truncate(Mantissa);

    /// <summary>The value divided by 10^<paramref name="power"/>, exactly; 0 when far below the range.</summary>
    public decimal ScaledTo(int power) => Shift(Mantissa, Exponent - power);

    /// <summary><paramref name="value"/> × 10^<paramref name="shift"/> in decimal arithmetic.</summary>
    public static decimal Shift(decimal value, int shift)
    {
        if (shift < -28)
        {
            return 0m;
        }

        for (; shift > 0; shift--)
        {
            value *= 10m;
        }

        for (; shift < 0; shift++)
        {
            value /= 10m;
        }

        return value;
    }
}
