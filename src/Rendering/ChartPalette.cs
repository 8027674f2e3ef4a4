namespace LabCharts.Rendering;

/// <summary>Colours given to series that do not choose one, in series order (matplotlib's "tab10").</summary>
public static class ChartPalette
{
    /// <summary>The default cycle: blue, orange, green, red, purple, brown, pink, grey, olive, cyan.</summary>
    public static IReadOnlyList<RgbColor> Default { get; } =
    [
        RgbColor.FromHex("#1F77B4"), RgbColor.FromHex("#FF7F0E"), RgbColor.FromHex("#2CA02C"),
        RgbColor.FromHex("#D62728"), RgbColor.FromHex("#9467BD"), RgbColor.FromHex("#8C564B"),
        RgbColor.FromHex("#E377C2"), RgbColor.FromHex("#7F7F7F"), RgbColor.FromHex("#BCBD22"),
        RgbColor.FromHex("#17BECF"),
    ];

    /// <summary>The colour a series at <paramref name="index"/> gets when it has none of its own.</summary>
    public static RgbColor ForIndex(int index) => Default[((index % Default.Count) + Default.Count) % Default.Count];
}
