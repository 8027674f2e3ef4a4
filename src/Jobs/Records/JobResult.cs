using System.Text.Json.Serialization;
using LabCharts.Analysis;

namespace LabCharts.Jobs.Records;

/// <summary>The numbers a student copies into the report (docs/api.md, <c>result</c> of a job).</summary>
// Stored or sent between versions: a field a newer version adds is skipped, not refused.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record JobResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities)
{
    /// <summary>The processed data table (per column and point: mean, u_A, u_B, u_C; the fitted points with residuals).</summary>
    public ProcessedData? Data { get; init; }

    /// <summary>Repeated readings an outlier test flagged; null when none.</summary>
    public IReadOnlyList<ReadingOutlier>? Outliers { get; init; }

    /// <summary>Notes such as <c>quantityOmitted</c>; null when none.</summary>
    public IReadOnlyList<AnalysisNote>? Notes { get; init; }

    /// <summary>The 逐差法 working, when the line was found that way or compared.</summary>
    public SuccessiveDifferences? Differences { get; init; }

    /// <summary>Both line methods side by side, when the request asked to compare.</summary>
    public IReadOnlyList<MethodComparison>? Comparison { get; init; }

    /// <summary>The uncertainty convention in a lab report's words (Chinese).</summary>
    public string? Convention { get; init; }

    /// <summary>The same in English.</summary>
    public string? ConventionEn { get; init; }

    /// <summary>The job result of an analysis.</summary>
    public static JobResult From(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new JobResult(analysis.Fit, analysis.Quantities)
        {
            Data = analysis.Data,
            Outliers = analysis.Outliers.Count > 0 ? analysis.Outliers : null,
            Notes = analysis.Notes.Count > 0 ? analysis.Notes : null,
            Differences = analysis.Differences,
            Comparison = analysis.Comparison,
            Convention = analysis.Convention,
            ConventionEn = analysis.ConventionEn,
        };
    }
}
