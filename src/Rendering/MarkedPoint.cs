namespace LabCharts.Rendering;

/// <summary>A point singled out with a label (markup), e.g. a Franck–Hertz peak.</summary>
public readonly record struct MarkedPoint(double X, double Y, string Label);
