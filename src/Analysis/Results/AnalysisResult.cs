namespace LabCharts.Analysis;

/// <summary>Everything an analysis produces: the fit, the derived quantities and the chart data, with the lab report's working.</summary>
public sealed record AnalysisResult(FitSummary Fit, IReadOnlyList<DerivedQuantity> Quantities, ChartData Chart)
{
    /// <summary>The processed data table: per column and point mean and uncertainties; the fitted points with residuals.</summary>
    public ProcessedData? Data { get; init; }

    /// <summary>Repeated readings an outlier test flagged (excluded or not).</summary>
    public IReadOnlyList<ReadingOutlier> Outliers { get; init; } = [];

    /// <summary>Notes such as <c>quantityOmitted</c>.</summary>
    public IReadOnlyList<AnalysisNote> Notes { get; init; } = [];

    /// <summary>The 逐差法 working when the line was found that way (or compared).</summary>
    public SuccessiveDifferences? Differences { get; init; }

    /// <summary>Both line methods side by side, when <c>compare</c> was asked for.</summary>
    public IReadOnlyList<MethodComparison>? Comparison { get; init; }

    /// <summary>The uncertainty convention as a lab report states it (Chinese), e.g. <c>A 类不确定度取 t 因子（P = 0.683）</c>.</summary>
    public required string Convention { get; init; }

    /// <summary>The same in English.</summary>
    public required string ConventionEn { get; init; }
}
