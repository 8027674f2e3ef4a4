namespace LabCharts.Analysis;

/// <summary>A constant of a request (e.g. <c>g_ref</c>), optionally with unit and standard uncertainty.</summary>
public sealed record ConstantInput(double Value, string? Unit = null, double? Uncertainty = null);
