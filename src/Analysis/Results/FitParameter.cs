namespace LabCharts.Analysis;

/// <summary>A fitted parameter with its standard error, in SI units (Unicode unit text, e.g. <c>s²/m</c>).</summary>
public sealed record FitParameter(string Name, double Value, double StandardError, string Unit);
