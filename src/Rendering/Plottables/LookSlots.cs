using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>
/// The theme's next colour, marker and dash for the series of one panel, in order: colours go by
/// position among the series that take one, markers among scatters, dashes among curves.
/// </summary>
internal sealed class LookSlots(ChartTheme theme)
{
    private int _color;
    private int _marker;
    private int _dash;

    public ChartTheme Theme => theme;

    /// <summary>The series' own colour (grey in a monochrome theme), or null.</summary>
    public RgbColor? Own(Series series) => theme.Monochrome ? series.Color?.ToGrey() : series.Color;

    /// <summary>The series' own colour or the palette's next; the slot is used either way.</summary>
    public RgbColor NextColor(Series series)
    {
        var color = Own(series) ?? theme.Palette[_color % theme.Palette.Count];
        _color++;
        return color;
    }

    public MarkerShape NextMarker() => theme.Markers[_marker++ % theme.Markers.Count];

    public LineDash NextDash() => theme.Dashes[_dash++ % theme.Dashes.Count];
}
