namespace LabCharts.Analysis;

/// <summary>
/// A column after reading: one value and one combined standard uncertainty per point, both in
/// the SI unit <see cref="Unit"/>.
/// </summary>
internal sealed record MeasuredColumn(InputField Field, double[] Values, double[] Uncertainties, PhysicalUnit Unit)
{
    public int Count => Values.Length;

    /// <summary>True when every point has a non-zero uncertainty, so the points can be weighted by 1/σ².</summary>
    public bool HasUncertaintyEverywhere => Uncertainties.All(u => u > 0);
}
