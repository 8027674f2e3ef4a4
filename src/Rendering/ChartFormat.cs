namespace LabCharts.Rendering;

/// <summary>Output formats.</summary>
public enum ChartFormat
{
    Png,
    Svg,
    Pdf,
}
