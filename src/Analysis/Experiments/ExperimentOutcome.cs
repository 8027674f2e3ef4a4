namespace LabCharts.Analysis;

/// <summary>
/// What an experiment computed, before it becomes an <see cref="AnalysisResult"/>: the fit with
/// its display text and units, the chart's points and labels, and the derived quantities.
/// </summary>
internal sealed record ExperimentOutcome
{
    public required CurveFit Fit { get; init; }

    /// <summary>The model as Unicode text, e.g. <c>I = k·U + c</c>.</summary>
    public required string ModelText { get; init; }

    /// <summary>Parameter names as reported (defaults to the model's).</summary>
    public IReadOnlyList<string>? ParameterNames { get; init; }

    /// <summary>SI unit text per parameter.</summary>
    public required IReadOnlyList<string> ParameterUnits { get; init; }

    public required IReadOnlyList<ChartPoint> Points { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    /// <summary>The fitted equation with numbers as markup, or null to leave it out.</summary>
    public string? Equation { get; init; }

    public required IReadOnlyList<DerivedQuantity> Quantities { get; init; }

    public string CurveLabel { get; init; } = "拟合直线";

    public string Method { get; init; } = "linear least squares (QR)";

    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>Replaces the chart (Franck–Hertz: the I–U curve, with the fit as <see cref="ChartData.Secondary"/>).</summary>
    public Func<ExperimentOutcome, ChartData, ChartData>? ChartOverride { get; init; }
}
