namespace LabCharts.Analysis;

/// <summary>Everything an analysis produces: the fit, the derived quantities and the chart data.</summary>
public sealed record AnalysisResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities, ChartData Chart);
