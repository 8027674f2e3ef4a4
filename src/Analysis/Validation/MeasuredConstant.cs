namespace LabCharts.Analysis;

/// <summary>A constant after reading, in its SI unit; <see cref="Given"/> is false when the default was used.</summary>
internal sealed record MeasuredConstant(double Value, double Uncertainty, bool Given);
