namespace LabCharts.Analysis;

/// <summary>
/// 单摆测重力加速度: the period T of a simple pendulum of length L satisfies T² = (4π²/g)·L for
/// small swings, so a straight line T² = k·L + c gives g = 4π²/k. The intercept absorbs a
/// systematic length offset (a mis-measured bob radius) instead of biasing g.
/// </summary>
/// <remarks>
/// Each T point is the mean of its readings with u(T) = √(u_A² + u_B²); the fitted y is T̄² with
/// u(T²) = 2·T̄·u(T). The fit is weighted (absolute errors) when every point has u(T) &gt; 0 and
/// unweighted (scaled) otherwise. u(L) is drawn as an error bar but not fitted. The relative
/// error is reported only against a <c>g_ref</c> the request gives: local g ranges from about
/// 9.78 m/s² in Guangzhou to 9.81 m/s² in Harbin, so no single default (not even standard
/// gravity 9.80665 m/s²) is a fair reference for every lab.
/// </remarks>
public sealed class PendulumExperiment : IExperiment
{
    private const string ModelText = "T² = k·L + c";
    private static readonly double FourPiSquared = 4 * Math.PI * Math.PI;
    private static readonly PhysicalUnit Second = PhysicalUnit.Parse("s")!;
    private static readonly PhysicalUnit Metre = PhysicalUnit.Parse("m")!;

    /// <inheritdoc />
    public ExperimentDefinition Definition { get; } = new(
        "pendulum",
        "单摆测重力加速度",
        "Simple pendulum: gravitational acceleration",
        [
            new ColumnDefinition("L", "摆长", "pendulum length", "m", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
            new ColumnDefinition("T", "周期", "period", "s", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
        ],
        [
            new ConstantDefinition("g_ref", "重力加速度参考值", "reference gravitational acceleration", "m/s²", Default: null, Required: false) { MustBePositive = true },
        ],
        ModelText,
        []);

    /// <inheritdoc />
    public void Validate(ExperimentInput input) => _ = Evaluate(input);

    /// <inheritdoc />
    public AnalysisResult Analyze(ExperimentInput input)
    {
        var evaluation = Evaluate(input);
        var fit = evaluation.Fit;
        var length = evaluation.Length;
        var period = evaluation.Period;
        var points = Enumerable.Range(0, length.Count)
            .Select(i => new ChartPoint(length.Values[i], evaluation.PeriodSquared[i], length.Uncertainties[i], evaluation.PeriodSquaredUncertainty[i]))
            .ToList();

        var g = evaluation.Gravity;
        var annotations = new List<string>
        {
            FitAnnotations.Equation("<i>T</i><sup>2</sup>", "<i>L</i>", fit, input.Rounding),
            FitAnnotations.RSquared(fit.RSquared),
            MeasurementRounder.Round(g.Value, g.Uncertainty, input.Rounding).ToMarkup("<i>g</i>", "m/s<sup>2</sup>"),
        };
        if (g.RelativeError is { } relativeError)
        {
            annotations.Add($"相对误差 <i>E</i> = {FitAnnotations.Percent(relativeError)}");
        }

        var squared = period.Unit.Pow(2);
        var chart = new ChartData
        {
            Title = string.IsNullOrWhiteSpace(input.Title) ? Definition.NameZh : input.Title,
            XLabel = PangoMarkup.AxisLabel("摆长 <i>L</i>", length.Unit.SiMarkup),
            YLabel = PangoMarkup.AxisLabel("<i>T</i><sup>2</sup>", squared.SiMarkup),
            Points = points,
            Curve = fit.Evaluate,
            Annotations = annotations,
        };

        var summary = FitSummaryFactory.FromStraightLine(
            fit, ModelText, squared.Multiply(length.Unit.Pow(-1)).SiText, squared.SiText);
        return new AnalysisResult(summary, [g], chart);
    }

    private Evaluation Evaluate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelSelection.Select(input.Model, ["linear"], "linear");
        var reading = ExperimentInputReader.Read(Definition, input);
        var length = reading.Columns["L"];
        var period = reading.Columns["T"];

        var periodSquared = period.Values.Select(t => t * t).ToArray();
        var periodSquaredUncertainty = period.Values.Select((t, i) => 2 * t * period.Uncertainties[i]).ToArray();
        if (periodSquared.Any(v => !double.IsFinite(v)) || periodSquaredUncertainty.Any(v => !double.IsFinite(v)))
        {
            throw AnalysisErrors.NotFinite(period.Field, "平方", "square");
        }

        var weighted = periodSquaredUncertainty.All(u => u > 0);
        var fit = StraightLineFitter.Fit(length.Values, periodSquared, weighted ? periodSquaredUncertainty : null, withIntercept: true, length.Field);
        if (!(fit.Slope > 0))
        {
            throw AnalysisErrors.NonPhysicalSlope(
                period.Field,
                "拟合得到的斜率 k ≤ 0（T² 没有随摆长 L 增大），无法计算 g。请检查 L 与 T 是否一一对应。",
                "The fitted slope k is ≤ 0 (T² does not grow with the length L), so g cannot be computed. Check that L and T are paired correctly.");
        }

        // g = 4π²/k: ∂g/∂k = −4π²/k², ∂g/∂c = 0, so to first order u(g) = 4π²·u(k)/k².
        var gValue = FourPiSquared / fit.Slope;
        var gUncertainty = UncertaintyPropagation.Propagate([-FourPiSquared / (fit.Slope * fit.Slope), 0], fit.Covariance);
        double? reference = reading.Constants.TryGetValue("g_ref", out var gRef) ? gRef.Value : null;
        var g = DerivedQuantityFactory.Create(
            "g", "重力加速度", "gravitational acceleration", gValue, gUncertainty,
            Metre.Multiply(Second.Pow(-2)).SiText, input.Rounding, reference);
        return new Evaluation(length, period, periodSquared, periodSquaredUncertainty, fit, g);
    }

    private sealed record Evaluation(
        MeasuredColumn Length,
        MeasuredColumn Period,
        double[] PeriodSquared,
        double[] PeriodSquaredUncertainty,
        StraightLineFit Fit,
        DerivedQuantity Gravity);
}
