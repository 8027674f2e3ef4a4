using LabCharts.Analysis;

namespace LabCharts.Jobs.Records;

/// <summary>The numbers a student copies into the report (docs/api.md, <c>result</c> of a job).</summary>
public sealed record JobResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities);
