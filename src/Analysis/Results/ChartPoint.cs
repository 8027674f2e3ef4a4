namespace LabCharts.Analysis;

/// <summary>
/// One plotted point with its standard-uncertainty error bars (half-lengths, 0 when none), in the
/// axes' units. The analysis produces it and the chart engine draws it: one type on both sides.
/// </summary>
public readonly record struct ChartPoint(double X, double Y, double XError = 0, double YError = 0);
