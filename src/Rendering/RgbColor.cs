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

    /// <summary>The grey of the same lightness (Rec. 709 luma), darkened a little so it stays visible on white paper.</summary>
    public RgbColor ToGrey()
    {
        var luma = (0.2126 * R) + (0.7152 * G) + (0.0722 * B);
        var grey = (byte)Math.Round(Math.Min(luma, 255) * 0.7);
        return new RgbColor(grey, grey, grey);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");
}
