namespace LabCharts.Rendering;

/// <summary>
/// The ticks of one axis: labelled positions, the step between them, a power of ten shared by the
/// labels (0 = none; it is shown in the axis label as "quantity / 10ⁿ unit"), and minor positions.
/// </summary>
public sealed record AxisTicks(IReadOnlyList<Tick> Ticks, double Step, int Exponent)
{
    /// <summary>Unlabelled minor tick positions (data units), never on a labelled one.</summary>
    public IReadOnlyList<double> Minor { get; init; } = [];
}
