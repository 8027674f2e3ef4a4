namespace LabCharts.Rendering.Composition;

/// <summary>
/// Sizes (output pixels) and colours of one render. Sizes are proportional to <see cref="Unit"/>:
/// 1 at 1200×900 and Scale 1, so the chart keeps its proportions from 600×400 to 3000×2000.
/// </summary>
internal sealed record ChartStyle(double Unit, ChartTheme Theme)
{
    public RgbColor Background => Theme.Background;

    public RgbColor Ink => Theme.Ink;

    public RgbColor SubtleInk => Theme.SubtleInk;

    public RgbColor FrameColor => Theme.Frame;

    public RgbColor GridColor => Theme.Grid;

    public RgbColor BoxBorder => Theme.BoxBorder;

    public double Padding => 20 * Unit;

    public double TitleSize => 27 * Unit;

    /// <summary>A long title shrinks to no less than this share of <see cref="TitleSize"/>.</summary>
    public static double MinTitleShrink => 0.72;

    public double SubtitleSize => 19 * Unit;

    public double AxisLabelSize => 21 * Unit;

    public double TickLabelSize => 17.5 * Unit;

    public double LegendSize => 17.5 * Unit;

    public double AnnotationSize => 18.5 * Unit;

    public double MarkLabelSize => 15.5 * Unit;

    public double TickLength => 6 * Unit;

    public double MinorTickLength => 3.5 * Unit;

    public double TickGap => 5 * Unit;

    public double LabelGap => 10 * Unit;

    /// <summary>Vertical space between stacked panels (they share the x tick labels under the last).</summary>
    public double PanelGap => 14 * Unit;

    /// <summary>Least free space between neighbouring tick labels.</summary>
    public double TickLabelSpacing => 10 * Unit;

    public double FrameWidth => Math.Max(1, 1.25 * Unit);

    public double GridWidth => Math.Max(1, Math.Round(Unit));

    public double MarkerRadius => 5.5 * Unit;

    public double MarkerOutlineWidth => 1.5 * Unit;

    public double ErrorBarWidth => Math.Max(1, 1.5 * Unit);

    public double CapHalfWidth => 4.5 * Unit;

    public double CurveWidth => 2.25 * Unit;

    public double PolylineWidth => 1.75 * Unit;

    public double ReferenceWidth => Math.Max(1, 1.25 * Unit);

    public double BoxInset => 12 * Unit;

    public double BoxPadding => 10 * Unit;

    /// <summary>Preferred pixels between x ticks and between y ticks.</summary>
    public double XTickSpacing => 120 * Unit;

    public double YTickSpacing => 70 * Unit;

    /// <summary>The unit for a logical size: 1 at 1200×900, kept within 0.6…2 so text stays readable, times the pixel ratio.</summary>
    public static ChartStyle For(int width, int height, double scale, ChartTheme theme) =>
        new(Math.Clamp(Math.Min(width, height * 4.0 / 3.0) / 1200.0, 0.6, 2.0) * scale, theme);

    /// <summary>Dash lengths for a pattern, proportional to the line width (empty: solid).</summary>
    public double[] DashPattern(LineDash dash, double width) => dash switch
    {
        LineDash.Dashed => [6 * Unit, 4 * Unit],
        LineDash.Dotted => [Math.Max(0.01, width * 0.01), 2.2 * width],
        LineDash.DashDot => [7 * Unit, 3 * Unit, Math.Max(0.01, width * 0.01), 3 * Unit],
        _ => [],
    };

    /// <summary>Places a line of the given width so that it covers whole pixels (crisp grid and frame).</summary>
    public static double Snap(double coordinate, double lineWidth) =>
        ((int)Math.Round(lineWidth) % 2 == 1) ? Math.Floor(coordinate) + 0.5 : Math.Round(coordinate);
}
