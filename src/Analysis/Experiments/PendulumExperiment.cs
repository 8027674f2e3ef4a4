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
internal static class PendulumExperiment
{
    private static readonly double FourPiSquared = 4 * Math.PI * Math.PI;

    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "pendulum", "单摆测重力加速度", "Simple pendulum: gravitational acceleration",
            [
                new ColumnDefinition("L", "摆长", "pendulum length", "m", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
                new ColumnDefinition("T", "周期", "period", "s", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
            ],
            [new ConstantDefinition("g_ref", "重力加速度参考值", "reference gravitational acceleration", "m/s²", Default: null, Required: false) { MustBePositive = true }],
            "T² = k·L + c",
            [])
        {
            Quantities = [new QuantityDefinition("g", "重力加速度", "gravitational acceleration", "m/s²")],
        })
    {
        Line = input =>
        {
            var length = input.Column("L");
            var period = input.Column("T");
            return new LineData(
                length.Values,
                length.Uncertainties,
                [.. period.Values.Select(t => t * t)],
                [.. period.Values.Select((t, i) => 2 * t * period.Uncertainties[i])],
                length.Field) { YField = period.Field };
        },
        Symbols = ("<i>T</i><sup>2</sup>", "<i>L</i>"),
        Units = ("s²/m", "s²"),
        Labels = ("摆长 <i>L</i> / m", "<i>T</i><sup>2</sup> / s<sup>2</sup>"),
        SlopeMessage = (
            "拟合得到的斜率 k ≤ 0（T² 没有随摆长 L 增大），无法计算 g。请检查 L 与 T 是否一一对应。",
            "The fitted slope k is ≤ 0 (T² does not grow with the length L), so g cannot be computed. Check that L and T are paired correctly."),

        // g = 4π²/k, so to first order u(g) = 4π²·u(k)/k².
        Quantities = (fit, input) =>
        [
            new QuantityFormula("g", "重力加速度", "gravitational acceleration", "m/s²", "g = 4π²/k", (p, _) => FourPiSquared / p[0])
                .Evaluate(fit, input, input.Optional("g_ref")),
        ],
    };
}
