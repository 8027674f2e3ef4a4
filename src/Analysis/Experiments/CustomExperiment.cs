namespace LabCharts.Analysis;

/// <summary>
/// 自定义拟合: the student's own x and y columns fitted with a model they pick. This cut offers
/// <c>linear</c> (y = k·x + c) and <c>proportional</c> (y = k·x); the nonlinear kinds of DESIGN.md
/// are answered with <c>unknown_model</c> until they exist.
/// </summary>
/// <remarks>
/// Columns take any unit the parser knows and are converted to coherent SI before fitting; the
/// chart and the parameter units show the SI unit (a column typed in <c>cm</c> is plotted in
/// <c>m</c>, <c>mA</c> in <c>A</c>), so every number the service reports is in one consistent
/// system. Without a unit a column is dimensionless. The axis name is the column's label,
/// escaped for markup, or <i>x</i> / <i>y</i> when there is none. The fit is weighted when every
/// y point has an uncertainty (errors, repeated readings or instrument error), else unweighted;
/// x uncertainties are drawn as error bars only.
/// </remarks>
public sealed class CustomExperiment : IExperiment
{
    private const string Linear = "linear";
    private const string Proportional = "proportional";

    /// <inheritdoc />
    public ExperimentDefinition Definition { get; } = new(
        "custom",
        "自定义拟合",
        "Custom fit",
        [
            new ColumnDefinition("x", "自变量", "independent variable", "", Required: true, AllowsRepeatedReadings: true),
            new ColumnDefinition("y", "因变量", "dependent variable", "", Required: true, AllowsRepeatedReadings: true),
        ],
        [],
        "y = k·x + c",
        [Linear, Proportional]);

    /// <inheritdoc />
    public void Validate(ExperimentInput input) => _ = Evaluate(input);

    /// <inheritdoc />
    public AnalysisResult Analyze(ExperimentInput input)
    {
        var (x, y, fit) = Evaluate(input);
        var slopeUnit = y.Unit.Multiply(x.Unit.Pow(-1));
        var quantities = new List<DerivedQuantity>
        {
            DerivedQuantityFactory.Create("k", "斜率", "slope", fit.Slope, fit.SlopeError, slopeUnit.SiText, input.Rounding),
        };
        if (fit.HasIntercept)
        {
            quantities.Add(DerivedQuantityFactory.Create("c", "截距", "intercept", fit.Intercept, fit.InterceptError, y.Unit.SiText, input.Rounding));
        }

        var annotations = new List<string>
        {
            FitAnnotations.Equation("<i>y</i>", "<i>x</i>", fit, input.Rounding),
            FitAnnotations.RSquared(fit.RSquared),
            MeasurementRounder.Round(fit.Slope, fit.SlopeError, input.Rounding).ToMarkup("<i>k</i>", slopeUnit.SiMarkup),
        };
        if (fit.HasIntercept)
        {
            annotations.Add(MeasurementRounder.Round(fit.Intercept, fit.InterceptError, input.Rounding).ToMarkup("<i>c</i>", y.Unit.SiMarkup));
        }

        var chart = new ChartData
        {
            Title = string.IsNullOrWhiteSpace(input.Title) ? Definition.NameZh : input.Title,
            XLabel = PangoMarkup.AxisLabel(AxisName(input.Columns["x"].Label, "x"), x.Unit.SiMarkup),
            YLabel = PangoMarkup.AxisLabel(AxisName(input.Columns["y"].Label, "y"), y.Unit.SiMarkup),
            Points = Enumerable.Range(0, x.Count).Select(i => new ChartPoint(x.Values[i], y.Values[i], x.Uncertainties[i], y.Uncertainties[i])).ToList(),
            Curve = fit.Evaluate,
            Annotations = annotations,
        };

        var summary = FitSummaryFactory.FromStraightLine(fit, fit.HasIntercept ? "y = k·x + c" : "y = k·x", slopeUnit.SiText, y.Unit.SiText);
        return new AnalysisResult(summary, quantities, chart);
    }

    private (MeasuredColumn X, MeasuredColumn Y, StraightLineFit Fit) Evaluate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kind = ModelSelection.Select(input.Model, Definition.Models, Linear);
        var reading = ExperimentInputReader.Read(Definition, input);
        var x = reading.Columns["x"];
        var y = reading.Columns["y"];
        var withIntercept = kind == Linear;
        var fit = StraightLineFitter.Fit(x.Values, y.Values, y.HasUncertaintyEverywhere ? y.Uncertainties : null, withIntercept, x.Field);
        return (x, y, fit);
    }

    private static string AxisName(string? label, string symbol) =>
        string.IsNullOrWhiteSpace(label) ? $"<i>{symbol}</i>" : PangoMarkup.Escape(label.Trim());
}
