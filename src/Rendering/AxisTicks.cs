namespace LabCharts.Rendering;

/// <summary>The ticks of one axis: positions, labels, step, and a power of ten shown once beside the axis (0 = none).</summary>
public sealed record AxisTicks(IReadOnlyList<Tick> Ticks, double Step, int Exponent);
