namespace LabCharts.Rendering;

/// <summary>How data values map to positions along an axis.</summary>
public enum AxisScale
{
    Linear,

    /// <summary>Base-10 logarithmic; values ≤ 0 are not shown.</summary>
    Log,
}
