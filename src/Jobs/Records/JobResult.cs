using System.Text.Json.Serialization;
using LabCharts.Analysis;

namespace LabCharts.Jobs.Records;

/// <summary>The numbers a student copies into the report (docs/api.md, <c>result</c> of a job).</summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities);
