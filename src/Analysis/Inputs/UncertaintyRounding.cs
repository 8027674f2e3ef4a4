namespace LabCharts.Analysis;

/// <summary>How the reported uncertainty is rounded to its significant figures.</summary>
public enum UncertaintyRounding
{
    /// <summary>Round half to even (四舍六入五凑偶), the default.</summary>
    HalfEven,

    /// <summary>Always round the uncertainty up (只进不舍), as some labs teach.</summary>
    Up,
}
