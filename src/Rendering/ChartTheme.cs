using LabCharts.Analysis;

namespace LabCharts.Rendering;

/// <summary>
/// Colours, marker shapes and dash patterns. <see cref="Default"/> is colour-blind safe;
/// <see cref="BlackAndWhite"/> is for printed reports: black ink, series told apart by marker and dash.
/// Series pick their slot by position among series of their kind (scatters for markers, curves for dashes).
/// </summary>
public sealed record ChartTheme
{
    /// <summary>The theme name used in job requests: "default" or "bw".</summary>
    public required string Name { get; init; }

    public required IReadOnlyList<RgbColor> Palette { get; init; }

    public required IReadOnlyList<MarkerShape> Markers { get; init; }

    public required IReadOnlyList<LineDash> Dashes { get; init; }

    public RgbColor Background { get; init; } = new(255, 255, 255);

    public RgbColor Ink { get; init; } = RgbColor.FromHex("#222222");

    public RgbColor SubtleInk { get; init; } = RgbColor.FromHex("#555555");

    public RgbColor Frame { get; init; } = RgbColor.FromHex("#333333");

    public RgbColor Grid { get; init; } = RgbColor.FromHex("#E6E6E6");

    public RgbColor BoxBorder { get; init; } = RgbColor.FromHex("#CCCCCC");

    /// <summary>Colour of reference lines that have none of their own.</summary>
    public RgbColor Reference { get; init; } = RgbColor.FromHex("#666666");

    /// <summary>Print theme: colours a series chose itself are turned to greys of the same lightness.</summary>
    public bool Monochrome { get; init; }

    /// <summary>Bands are filled in this colour instead of their curve's (null: the curve's colour).</summary>
    public RgbColor? BandFill { get; init; }

    /// <summary>Every colour the theme draws with, as 0x00RRGGBB: the ones a palette PNG must keep exactly.</summary>
    public uint[] Colours => [.. new[] { Background, Ink, SubtleInk, Frame, Grid, BoxBorder, Reference }
        .Concat(Palette).Concat(BandFill is { } band ? [band] : []).Select(c => ((uint)c.R << 16) | ((uint)c.G << 8) | c.B)];

    public static ChartTheme Default { get; } = new()
    {
        Name = "default",
        Palette = ChartPalette.Default,
        Markers = [MarkerShape.Circle, MarkerShape.Square, MarkerShape.TriangleUp, MarkerShape.Diamond, MarkerShape.TriangleDown],
        Dashes = [LineDash.Solid, LineDash.Dashed, LineDash.DashDot, LineDash.Dotted],
    };

    public static ChartTheme BlackAndWhite { get; } = new()
    {
        Name = "bw",
        Palette = ChartPalette.Monochrome,
        Markers = [MarkerShape.Circle, MarkerShape.OpenSquare, MarkerShape.TriangleUp, MarkerShape.OpenCircle, MarkerShape.Diamond],
        Dashes = [LineDash.Solid, LineDash.Dashed, LineDash.Dotted, LineDash.DashDot],
        Ink = RgbColor.FromHex("#000000"),
        SubtleInk = RgbColor.FromHex("#333333"),
        Frame = RgbColor.FromHex("#000000"),
        Grid = RgbColor.FromHex("#DDDDDD"),
        BoxBorder = RgbColor.FromHex("#000000"),
        Reference = RgbColor.FromHex("#000000"),
        BandFill = RgbColor.FromHex("#000000"),
        Monochrome = true,
    };

    /// <summary>The theme a request names.</summary>
    public static ChartTheme For(ChartThemeName name) => name == ChartThemeName.BlackAndWhite ? BlackAndWhite : Default;
}
