using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>What the layout put on one page, in points from its top-left corner; drawn only once every page is laid out.</summary>
internal sealed class ReportPage
{
    public List<PlacedText> Texts { get; } = [];

    public List<PlacedRule> Rules { get; } = [];

    public List<PlacedChart> Charts { get; } = [];
}

/// <summary>A text block with its logical box's top-left at (X, Y).</summary>
internal sealed record PlacedText(TextBlock Block, string Kind, double X, double Y, RgbColor Color);

/// <summary>A horizontal rule filling X…X+Width, Y…Y+Thickness.</summary>
internal readonly record struct PlacedRule(double X, double Y, double Width, double Thickness);

/// <summary>A chart scaled into its box.</summary>
internal sealed record PlacedChart(Chart Chart, double X, double Y, double Width, double Height);
