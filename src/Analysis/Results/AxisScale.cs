namespace LabCharts.Analysis;

/// <summary>How an axis maps data to length: linear, or logarithmic (base 10, positive data only).</summary>
public enum AxisScale
{
    /// <summary>Linear axis, the default.</summary>
    Linear,

    /// <summary>Base-10 logarithmic axis; every plotted value is &gt; 0.</summary>
    Log,
}
