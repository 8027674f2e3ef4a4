namespace LabCharts.Rendering;

/// <summary>A data point with optional symmetric uncertainties (error bar half-lengths).</summary>
public readonly record struct DataPoint(double X, double Y, double XError = 0, double YError = 0);
