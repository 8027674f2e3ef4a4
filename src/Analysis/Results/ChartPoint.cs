namespace LabCharts.Analysis;

/// <summary>One plotted point with its standard-uncertainty error bars (0 when none), in the axes' units.</summary>
public sealed record ChartPoint(double X, double Y, double XError, double YError);
