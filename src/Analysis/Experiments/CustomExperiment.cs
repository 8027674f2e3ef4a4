namespace LabCharts.Analysis;

/// <summary>
/// 自定义拟合: the student's own x and y columns fitted with a model they pick: <c>linear</c>
/// (y = k·x + c), <c>proportional</c> (y = k·x), <c>polynomial</c> (degree 1–10), an
/// <c>expression</c> with initial guesses, or a named nonlinear model (<c>exponential</c>,
/// <c>power</c>, <c>logarithmic</c>, <c>gaussian</c>, <c>lorentzian</c>, <c>damped_sine</c>,
/// <c>sigmoid</c>, <c>resonance</c>) whose initial guesses are found from the data.
/// </summary>
/// <remarks>
/// Columns take any unit the parser knows and are converted to coherent SI before fitting; the
/// chart and the parameter units show the SI unit (a column typed in <c>cm</c> is plotted in
/// <c>m</c>), so every number reported is in one consistent system; °C stays °C. Without a unit
/// a column is dimensionless. The axis name is the column's label, escaped for markup, or
/// <i>x</i> / <i>y</i> when there is none. The fit is weighted when every y point has an
/// uncertainty, else unweighted; x uncertainties are drawn as error bars only. An expression
/// parameter without an initial guess starts at 1.
/// </remarks>
internal sealed class CustomExperiment : Experiment
{
    private const string Linear = "linear";
    private const string Proportional = "proportional";
    private const string Polynomial = "polynomial";
    private const string Expression = "expression";
    private const string York = "york";

    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "custom",
        "自定义拟合",
        "Custom fit",
        [
            new ColumnDefinition("x", "自变量", "independent variable", "", Required: true, AllowsRepeatedReadings: true),
            new ColumnDefinition("y", "因变量", "dependent variable", "", Required: true, AllowsRepeatedReadings: true),
        ],
        [],
        "y = k·x + c",
        [Linear, Proportional, York, Polynomial, Expression, .. BuiltInModels.Named.Select(m => m.Kind)])
    {
        Methods = [LineMethods.LeastSquares, LineMethods.SuccessiveDifferences],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => Definition.Models;

    /// <inheritdoc />
    public override void Check(ValidatedInput input)
    {
        var x = input.Column("x");
        switch (input.ModelKind)
        {
            case Linear or Proportional or York:
                StraightLineFitter.CheckFittable(x.Values, x.Field, withIntercept: input.ModelKind != Proportional);
                if (input.ModelKind == Linear && (input.Input.Method == LineMethod.SuccessiveDifferences || input.Input.Compare))
                {
                    SuccessiveDifferenceFit.Check(LineData.From(x, input.Column("y")));
                }

                break;
            case Polynomial:
                PolynomialFitter.Check(x.Values, Degree(input), withIntercept: true, x.Field);
                break;
            case Expression:
                var model = ParseExpression(input);
                _ = Start(model, input.Input.Model!.Initial);
                NonlinearFitter.CheckPoints(model.Parameters.Count, x.Count, x.Field);
                break;
            default:
                NonlinearFitter.CheckPoints(BuiltIn(input.ModelKind).Model.Parameters.Count, x.Count, x.Field);
                break;
        }
    }

    /// <inheritdoc />
    public override bool SupportsSuccessiveDifferences(string modelKind) => modelKind == Linear;

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var kind = input.ModelKind;
        var x = input.Column("x");
        var y = input.Column("y");
        var sigma = y.HasUncertaintyEverywhere ? y.Uncertainties : null;
        var xLabel = PangoMarkup.AxisLabel(AxisName(input.Input.Columns["x"].Label, "x"), x.Unit.SiMarkup);
        var yLabel = PangoMarkup.AxisLabel(AxisName(input.Input.Columns["y"].Label, "y"), y.Unit.SiMarkup);
        var points = LineData.From(x, y).Points;

        CurveFit fit;
        SuccessiveDifferences? working = null;
        string modelText;
        string[] units;
        var method = "Levenberg–Marquardt";
        var curveLabel = "拟合曲线";
        switch (kind)
        {
            case Linear or Proportional:
                (fit, working) = SuccessiveDifferenceFit.FitAsAsked(LineData.From(x, y), input.Input, kind == Linear);
                modelText = kind == Linear ? "y = k·x + c" : "y = k·x";
                units = kind == Linear ? [y.Unit.Multiply(x.Unit.Pow(-1)).SiText, y.Unit.SiText] : [y.Unit.Multiply(x.Unit.Pow(-1)).SiText];
                method = "linear least squares (QR)";
                curveLabel = "拟合直线";
                break;
            case York:
                fit = YorkFitter.Fit(x.Values, y.Values, x.Uncertainties, y.Uncertainties, x.Field);
                modelText = "y = k·x + c";
                units = [y.Unit.Multiply(x.Unit.Pow(-1)).SiText, y.Unit.SiText];
                method = "York";
                curveLabel = "拟合直线";
                break;
            case Polynomial:
                var degree = Degree(input);
                fit = PolynomialFitter.Fit(x.Values, y.Values, sigma, degree, withIntercept: true, x.Field);
                modelText = "y = " + string.Join(" + ", Enumerable.Range(0, degree + 1).Select(i => i switch { 0 => "c0", 1 => "c1·x", _ => $"c{i}·x{Superscript.Unicode(i)}" }));
                units = [.. Enumerable.Range(0, degree + 1).Select(i => y.Unit.Multiply(x.Unit.Pow(-i)).SiText)];
                method = "linear least squares (QR)";
                break;
            case Expression:
                var model = ParseExpression(input);
                var start = Start(model, input.Input.Model!.Initial);
                fit = NonlinearFitter.Fit(model, x.Values, y.Values, sigma, start, x.Field);
                modelText = "y = " + model.Text;
                units = [.. model.Parameters.Select(_ => "")];
                break;
            default:
                var builtIn = BuiltIn(kind);
                fit = builtIn.Fit(x.Values, y.Values, sigma, x.Field);
                modelText = builtIn.DisplayText;
                units = builtIn.ParameterUnits(x.Unit, y.Unit);
                break;
        }

        var quantities = fit.Model.Parameters
            .Select((name, j) => DerivedQuantityFactory.Create(
                name, "拟合参数 " + name, "fit parameter " + name, fit.Values[j], fit.StandardError(j), units[j], input.Input, budget: new UncertaintyBudget(
                    name + "（拟合参数）", [new BudgetTerm(name, "parameter", fit.Values[j], fit.StandardError(j), units[j], 1, fit.StandardError(j))], fit.StandardError(j))
                {
                    EffectiveDegreesOfFreedom = fit.ParameterDegreesOfFreedom,
                }))
            .ToList();
        var xSymbol = "<i>x</i>";
        return new ExperimentOutcome
        {
            Equation = kind is Linear or Proportional or York ? FitAnnotations.Equation("<i>y</i>", xSymbol, fit, input.Rounding) : null,
            Fit = fit,
            ModelText = modelText,
            ParameterUnits = units,
            Points = points,
            XLabel = xLabel,
            YLabel = yLabel,
            Quantities = quantities,
            Method = method,
            CurveLabel = curveLabel,
        }.WithMethod(working);
    }

    private static int Degree(ValidatedInput input) => input.Input.Model?.Degree ?? throw AnalysisErrors.InvalidDegree(null);

    private static ExpressionModel ParseExpression(ValidatedInput input) =>
        ExpressionModel.Parse(input.Input.Model!.Expression, input.Input.Model.Initial?.Keys);

    private static BuiltInModel BuiltIn(string kind) => BuiltInModels.Named.First(m => m.Kind == kind);

    private static double[] Start(ExpressionModel model, IReadOnlyDictionary<string, double>? initial)
    {
        foreach (var (name, value) in initial ?? new Dictionary<string, double>())
        {
            if (!model.Parameters.Contains(name))
            {
                throw AnalysisErrors.InvalidInitialGuess($"表达式中没有参数“{name}”", $"the expression has no parameter '{name}'");
            }

            if (!double.IsFinite(value))
            {
                throw AnalysisErrors.InvalidInitialGuess($"参数“{name}”的初始值不是有限数", $"the initial value of '{name}' is not finite");
            }
        }

        return [.. model.Parameters.Select(name => initial is not null && initial.TryGetValue(name, out var v) ? v : 1.0)];
    }

    private static string AxisName(string? label, string symbol) =>
        string.IsNullOrWhiteSpace(label) ? $"<i>{symbol}</i>" : PangoMarkup.Escape(label.Trim());
}
