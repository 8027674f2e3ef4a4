namespace LabCharts.Rendering.Report;

/// <summary>Page geometry (PDF points), type sizes, spacing and colours of a report.</summary>
internal static class ReportStyle
{
    /// <summary>A4 in points.</summary>
    public const double PageWidth = 595.276;

    public const double PageHeight = 841.89;

    public const double MarginX = 56;

    public const double MarginTop = 50;

    public const double MarginBottom = 50;

    public const double TextWidth = PageWidth - (2 * MarginX);

    /// <summary>Room kept above the bottom margin for the page number.</summary>
    public const double FooterBand = 24;

    /// <summary>Where the blocks end on every page.</summary>
    public const double ContentBottom = PageHeight - MarginBottom - FooterBand;

    public const double TitleSize = 16;

    public const double SubtitleSize = 10;

    public const double HeadingSize = 12;

    public const double BodySize = 10;

    public const double CaptionSize = 10;

    public const double TableSize = 9;

    /// <summary>A table too wide at <see cref="TableSize"/> shrinks in these steps down to <see cref="MinTableSize"/>.</summary>
    public const double MinTableSize = 7;

    public const double TableSizeStep = 0.5;

    public const double FooterSize = 9;

    public const double TitleGap = 4;

    public const double CaptionGap = 3;

    /// <summary>Space left and right of a cell's text, in ems of the table's size (it shrinks with the font).</summary>
    public const double CellPaddingX = 0.5;

    /// <summary>Space above and below a row's text, in ems.</summary>
    public const double CellPaddingY = 0.25;

    public const double ThickRule = 1;

    public const double ThinRule = 0.5;

    /// <summary>Charts are painted at this many virtual pixels across and scaled into their box.</summary>
    public const int ChartWidth = 1000;

    /// <summary>Least size (points on the page) of a chart's smallest text.</summary>
    public const double MinChartText = 7;

    public static RgbColor Ink { get; } = RgbColor.FromHex("#1A1A1A");

    public static RgbColor Grey { get; } = RgbColor.FromHex("#595959");

    public static RgbColor RuleColor { get; } = RgbColor.FromHex("#000000");
}
