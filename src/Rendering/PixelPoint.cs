namespace LabCharts.Rendering;

/// <summary>A position in output pixels (origin top-left, y down); never a data coordinate.</summary>
public readonly record struct PixelPoint(double X, double Y);
