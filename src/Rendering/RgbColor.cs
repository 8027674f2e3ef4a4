using System.Globalization;

namespace LabCharts.Rendering;

/// <summary>An opaque 8-bit sRGB colour.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#RRGGBB</c>.</summary>
    public static RgbColor FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith('#') ? hex[1..] : hex;
        if (digits.Length != 6)
        {
            throw new FormatException($"Expected #RRGGBB, got '{hex}'.");
        }

        var value = int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new RgbColor((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
