namespace LabCharts.Rendering;

/// <summary>Colours given to series that do not choose one, in series order.</summary>
public static class ChartPalette
{
    /// <summary>
    /// Okabe–Ito's colour-blind-safe set (Okabe &amp; Ito 2008, as recommended by Wong, Nature Methods 8:441),
    /// ordered for a white background: blue, vermillion, bluish green, reddish purple, orange, sky blue,
    /// black (its yellow is left out: too faint on white).
    /// </summary>
    public static IReadOnlyList<RgbColor> Default { get; } =
    [
        RgbColor.FromHex("#0072B2"), RgbColor.FromHex("#D55E00"), RgbColor.FromHex("#009E73"),
        RgbColor.FromHex("#CC79A7"), RgbColor.FromHex("#E69F00"), RgbColor.FromHex("#56B4E9"),
        RgbColor.FromHex("#000000"),
    ];

    /// <summary>Black and greys that stay apart when printed (series are told apart by marker and dash too).</summary>
    public static IReadOnlyList<RgbColor> Monochrome { get; } =
    [
        RgbColor.FromHex("#000000"), RgbColor.FromHex("#000000"), RgbColor.FromHex("#555555"), RgbColor.FromHex("#888888"),
    ];

    /// <summary>The colour a series at <paramref name="index"/> gets when it has none of its own.</summary>
    public static RgbColor ForIndex(int index) => Default[((index % Default.Count) + Default.Count) % Default.Count];
}
