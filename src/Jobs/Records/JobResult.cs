using LabCharts.Analysis;

namespace LabCharts.Jobs.Records;

/// <summary>The numbers a student copies into the report (DESIGN.md, "Job result").</summary>
public sealed record JobResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities);
