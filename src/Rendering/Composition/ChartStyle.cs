namespace LabCharts.Rendering.Composition;

/// <summary>
/// Sizes and colours of one render, in output pixels. Everything is proportional to <see cref="Unit"/>:
/// 1 at 1200×900 and Scale 1, so the chart keeps its proportions from 600×400 to 3000×2000.
/// </summary>
internal sealed record ChartStyle(double Unit)
{
    public static RgbColor Background { get; } = new(255, 255, 255);

    public static RgbColor Ink { get; } = RgbColor.FromHex("#222222");

    public static RgbColor SubtleInk { get; } = RgbColor.FromHex("#555555");

    public static RgbColor FrameColor { get; } = RgbColor.FromHex("#333333");

    public static RgbColor GridColor { get; } = RgbColor.FromHex("#E6E6E6");

    public static RgbColor BoxBorder { get; } = RgbColor.FromHex("#CCCCCC");

    public double Padding => 20 * Unit;

    public double TitleSize => 27 * Unit;

    public double SubtitleSize => 19 * Unit;

    public double AxisLabelSize => 21 * Unit;

    public double TickLabelSize => 17.5 * Unit;

    public double LegendSize => 17.5 * Unit;

    public double AnnotationSize => 18.5 * Unit;

    public double TickLength => 6 * Unit;

    public double TickGap => 5 * Unit;

    public double LabelGap => 10 * Unit;

    public double FrameWidth => Math.Max(1, 1.25 * Unit);

    public double GridWidth => Math.Max(1, Math.Round(Unit));

    public double MarkerRadius => 5.5 * Unit;

    public double ErrorBarWidth => Math.Max(1, 1.5 * Unit);

    public double CapHalfWidth => 4.5 * Unit;

    public double CurveWidth => 2.25 * Unit;

    public double PolylineWidth => 1.75 * Unit;

    public double BoxInset => 12 * Unit;

    public double BoxPadding => 10 * Unit;

    /// <summary>Preferred pixels between x ticks and between y ticks.</summary>
    public double XTickSpacing => 120 * Unit;

    public double YTickSpacing => 80 * Unit;

    /// <summary>The unit for a logical size: 1 at 1200×900, kept within 0.6…2 so text stays readable, times the pixel ratio.</summary>
    public static ChartStyle For(int width, int height, double scale) =>
        new(Math.Clamp(Math.Min(width, height * 4.0 / 3.0) / 1200.0, 0.6, 2.0) * scale);

    /// <summary>Places a line of the given width so that it covers whole pixels (crisp grid and frame).</summary>
    public static double Snap(double coordinate, double lineWidth) =>
        ((int)Math.Round(lineWidth) % 2 == 1) ? Math.Floor(coordinate) + 0.5 : Math.Round(coordinate);
}
