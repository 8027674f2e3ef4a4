namespace LabCharts.Rendering;

/// <summary>Stroke patterns for curves and lines.</summary>
public enum LineDash
{
    Solid,
    Dashed,
    Dotted,
    DashDot,
}
