namespace LabCharts.Analysis;

/// <summary>
/// A straight-line experiment as a definition: its schema, how the columns become the line (T² against
/// L, D² against m, ln R against 1/T …), the slope's physical sign, the labels and the derived
/// quantities. The sequence is the same for all: transform and check (validation, no fit), then fit,
/// check the slope's sign, derive the quantities (report with bands, correlation and method).
/// </summary>
internal sealed class LineExperiment(ExperimentDefinition definition) : Experiment
{
    private ExperimentDefinition? _definition;

    /// <inheritdoc />
    public override ExperimentDefinition Definition => _definition ??= AllowsSuccessiveDifferences
        ? definition with { Methods = [LineMethods.LeastSquares, LineMethods.SuccessiveDifferences] }
        : definition;

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["linear", .. ExtraKinds];

    /// <summary>The line from the validated columns and constants, in SI; may throw for values it cannot take.</summary>
    public required Func<ValidatedInput, LineData> Line { get; init; }

    public bool WithIntercept { get; init; } = true;

    /// <summary>Symbols (markup) for the equation annotation: y then x.</summary>
    public required (string Y, string X) Symbols { get; init; }

    /// <summary>SI unit text of the slope and of the intercept.</summary>
    public required (string Slope, string Intercept) Units { get; init; }

    /// <summary>Axis labels (markup).</summary>
    public required (string X, string Y) Labels { get; init; }

    /// <summary>Model kinds accepted besides <c>linear</c> (modes of the experiment).</summary>
    public IReadOnlyList<string> ExtraKinds { get; init; } = [];

    /// <summary>The slope's sign the physics requires: +1, −1 or 0 (either).</summary>
    public int SlopeSign { get; init; } = 1;

    /// <summary>The message (Chinese, English) for a slope of the wrong sign; null for the generic one naming k.</summary>
    public (string Zh, string En)? SlopeMessage { get; init; }

    /// <summary>The derived quantities from the fit (parameters k, c) and the validated constants.</summary>
    public required Func<CurveFit, ValidatedInput, IReadOnlyList<DerivedQuantity?>> Quantities { get; init; }

    /// <summary>True when the x values are equally spaced by design (loads, indices), so 逐差法 may be asked for.</summary>
    public bool AllowsSuccessiveDifferences { get; init; }

    /// <inheritdoc />
    public override bool SupportsSuccessiveDifferences(string modelKind) => AllowsSuccessiveDifferences;

    /// <inheritdoc />
    public override void Check(ValidatedInput input)
    {
        var line = Prepare(input);
        if (input.Input.Method == LineMethod.SuccessiveDifferences || input.Input.Compare)
        {
            SuccessiveDifferenceFit.Check(line);
        }
    }

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var line = Prepare(input);
        var (fit, working) = SuccessiveDifferenceFit.FitAsAsked(line, input.Input, WithIntercept);
        if (SlopeSign != 0 && Math.Sign(fit.Values[0]) != SlopeSign)
        {
            var (zh, en) = SlopeMessage ?? (
                $"拟合得到的斜率 k = {fit.Values[0]:G4}，{(SlopeSign > 0 ? "应为正" : "应为负")}；请检查各列数据是否一一对应、单位是否正确。",
                $"The fitted slope k = {fit.Values[0]:G4} should be {(SlopeSign > 0 ? "positive" : "negative")}; check that the columns are paired and their units right.");
            throw AnalysisErrors.NonPhysicalSlope(line.XField, zh, en);
        }

        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = Definition.Model,
            ParameterUnits = WithIntercept ? [Units.Slope, Units.Intercept] : [Units.Slope],
            Points = line.Points,
            XLabel = Labels.X,
            YLabel = Labels.Y,
            Equation = FitAnnotations.Equation(Symbols.Y, Symbols.X, fit, input.Rounding),
            Quantities = Quantities(fit, input),
        }.WithMethod(working);
    }

    // Everything short of the fit: the transformation, finite values, enough points, x not degenerate.
    private LineData Prepare(ValidatedInput input)
    {
        var line = Line(input);
        if (line.X.Concat(line.XError).Any(v => !double.IsFinite(v)))
        {
            throw AnalysisErrors.NotFinite(line.XField, "换算后的值", "converted value");
        }

        if (line.Y.Concat(line.YError).Any(v => !double.IsFinite(v)))
        {
            throw AnalysisErrors.NotFinite(line.YField ?? line.XField, "换算后的值", "converted value");
        }

        StraightLineFitter.CheckFittable(line.X, line.XField, WithIntercept);
        return line;
    }
}
