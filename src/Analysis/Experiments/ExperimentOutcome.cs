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

    /// <summary>The derived quantities; null entries are quantities left out for a missing constant (noted on the input).</summary>
    public required IReadOnlyList<DerivedQuantity?> Quantities { get; init; }

    public string CurveLabel { get; init; } = "拟合直线";

    public string Method { get; init; } = "linear least squares (QR)";

    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>
    /// The points in the space the fit was made in, when the chart shows them otherwise (the diode fits ln I
    /// but draws I); null: <see cref="Points"/> are the fit's.
    /// </summary>
    public FitSpace? FitSpace { get; init; }

    /// <summary>The 逐差法 working when the line was found that way.</summary>
    public SuccessiveDifferences? Differences { get; init; }

    /// <summary>Points to mark on the chart with their labels (逐差法: the pairs, ① … on both ends); empty when none.</summary>
    public IReadOnlyList<(ChartPoint Point, string Label)> Marks { get; init; } = [];

    /// <summary>Legend text of <see cref="Marks"/>.</summary>
    public string MarksLabel { get; init; } = "";

    /// <summary>
    /// As this outcome, told how its line was found: for 逐差法 the method's name, and the pairs marked
    /// with the same circled number on both ends (①…⑳, then plain numbers).
    /// </summary>
    public ExperimentOutcome WithMethod(SuccessiveDifferences? working) => working is null ? this : this with
    {
        Method = SuccessiveDifferenceFit.MethodName,
        Differences = working,
        Marks = working.Pairs.Count > MaxMarkedPairs ? [] : [.. working.Pairs.SelectMany(pair => new[] { (Points[pair.First - 1], Circled(pair.First)), (Points[pair.Second - 1], Circled(pair.First)) })],
        MarksLabel = "逐差配对",
    };

    /// <summary>Above this many pairs the labels would crowd the chart: the pairs are then in the result only.</summary>
    public const int MaxMarkedPairs = 10;

    private static string Circled(int number) => ((char)('①' + number - 1)).ToString();

    /// <summary>Replaces the chart (Franck–Hertz: the I–U curve, with the fit as <see cref="ChartData.Secondary"/>).</summary>
    public Func<ExperimentOutcome, ChartData, ChartData>? ChartOverride { get; init; }
}

/// <summary>Points as the fit saw them, with their axis labels (markup).</summary>
internal sealed record FitSpace(IReadOnlyList<ChartPoint> Points, string XLabel, string YLabel);
