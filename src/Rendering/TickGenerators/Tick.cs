namespace LabCharts.Rendering;

/// <summary>A tick position (data units) and its label text (already divided by the axis' power of ten).</summary>
public readonly record struct Tick(double Value, string Label);
