namespace LabCharts.Analysis;

/// <summary>
/// The shared shape of the straight-line experiments (ohm, hall_effect, newton_rings …): read the
/// input, build the line, fit it, check the slope's sign, derive the quantities, report. Each
/// experiment supplies its definition and these steps; the sequence is the same for all.
/// </summary>
internal sealed record LineExperiment
{
    public required ExperimentDefinition Definition { get; init; }

    /// <summary>The model text, e.g. <c>I = k·U + c</c>.</summary>
    public required string ModelText { get; init; }

    public required Func<ExperimentReading, ExperimentInput, LineData> Line { get; init; }

    public bool WithIntercept { get; init; } = true;

    /// <summary>Symbols (markup) for the equation annotation: y then x.</summary>
    public required (string Y, string X) Symbols { get; init; }

    public required (string Slope, string Intercept) Units { get; init; }

    public required (string X, string Y) Labels { get; init; }

    /// <summary>Model kinds accepted besides <c>linear</c> (modes of the experiment).</summary>
    public IReadOnlyList<string> ExtraKinds { get; init; } = [];

    /// <summary>The slope's sign the physics requires: +1, −1 or 0 (either).</summary>
    public int SlopeSign { get; init; } = 1;

    public required Func<CurveFit, ExperimentReading, ExperimentInput, IReadOnlyList<DerivedQuantity>> Quantities { get; init; }

    public Func<ExperimentOutcome, ExperimentReading, ExperimentInput, ExperimentOutcome>? Finish { get; init; }

    public AnalysisResult Analyze(ExperimentInput input)
    {
        var (outcome, _) = Evaluate(input);
        return ExperimentReport.Build(Definition, input, outcome);
    }

    public (ExperimentOutcome Outcome, ExperimentReading Reading) Evaluate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelSelection.Select(input.Model, ["linear", .. ExtraKinds], "linear");
        var reading = ExperimentInputReader.Read(Definition, input);
        var line = Line(reading, input);
        if (line.X.Concat(line.Y).Concat(line.YError).Any(v => !double.IsFinite(v)))
        {
            throw AnalysisErrors.NotFinite(line.XField, "换算后的值", "converted value");
        }

        var fit = line.Fit(WithIntercept);
        if (SlopeSign != 0 && !(Math.Sign(fit.Values[0]) == SlopeSign))
        {
            throw AnalysisErrors.NonPhysicalSlope(
                line.XField,
                $"拟合得到的斜率 k = {fit.Values[0]:G4}，{(SlopeSign > 0 ? "应为正" : "应为负")}；请检查各列数据是否一一对应、单位是否正确。",
                $"The fitted slope k = {fit.Values[0]:G4} should be {(SlopeSign > 0 ? "positive" : "negative")}; check that the columns are paired and their units right.");
        }

        var equation = FitAnnotations.Equation(Symbols.Y, Symbols.X, fit, input.Rounding);

        var outcome = new ExperimentOutcome
        {
            Fit = fit,
            ModelText = ModelText,
            ParameterUnits = WithIntercept ? [Units.Slope, Units.Intercept] : [Units.Slope],
            Points = line.Points,
            XLabel = Labels.X,
            YLabel = Labels.Y,
            Equation = equation,
            Quantities = Quantities(fit, reading, input),
        };
        return (Finish is null ? outcome : Finish(outcome, reading, input), reading);
    }
}
