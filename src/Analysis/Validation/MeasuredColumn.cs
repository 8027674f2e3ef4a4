namespace LabCharts.Analysis;

/// <summary>
/// A column after reading: one value and one combined standard uncertainty per point, both in
/// the SI unit <see cref="Unit"/>.
/// </summary>
internal sealed record MeasuredColumn(InputField Field, double[] Values, double[] Uncertainties, PhysicalUnit Unit)
{
    public int Count => Values.Length;

    /// <summary>Per point: readings used, mean, u_A, u_B, u_C (SI). Empty for a column made up in code.</summary>
    public IReadOnlyList<ProcessedPoint> Points { get; init; } = [];

    /// <summary>The readings an outlier test flagged in this column.</summary>
    public IReadOnlyList<ReadingOutlier> Outliers { get; init; } = [];

    /// <summary>Type B of one reading, Δ/√3, in SI (0 without an instrument error).</summary>
    public double TypeB { get; init; }

    /// <summary>True when every point has a non-zero uncertainty, so the points can be weighted by 1/σ².</summary>
    public bool HasUncertaintyEverywhere => Uncertainties.All(u => u > 0);
}
