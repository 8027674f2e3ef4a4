namespace LabCharts.Analysis;

/// <summary>
/// How an axis maps data to length: linear, or logarithmic (base 10, positive data only). The
/// analysis asks for it (<see cref="ChartData.YScale"/>) and the chart engine draws it.
/// </summary>
public enum AxisScale
{
    /// <summary>Linear axis, the default.</summary>
    Linear,

    /// <summary>Base-10 logarithmic axis; values ≤ 0 are not shown.</summary>
    Log,
}
