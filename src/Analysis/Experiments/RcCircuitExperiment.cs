namespace LabCharts.Analysis;

/// <summary>
/// RC 电路充放电: the capacitor voltage relaxes exponentially, U = U₀·e^(−t/τ) + U∞ when
/// discharging towards U∞ and U = U∞ − (U∞ − U₀)·e^(−t/τ) when charging: both are
/// U = A·e^(−t/τ) + U∞ with U₀ = A + U∞. The time constant τ = R·C gives C = τ/R.
/// The mode (<c>discharge</c> default, <c>charge</c>) names the curve.
/// </summary>
internal sealed class RcCircuitExperiment : Experiment
{
    private static readonly OptionDefinition Mode = new("mode", "过程", "process", ["discharge", "charge"], "discharge");

    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "rc_circuit", "RC 电路充放电", "RC circuit: charging and discharging",
        [
            new ColumnDefinition("t", "时间", "time", "s", Required: true, AllowsRepeatedReadings: true),
            new ColumnDefinition("U", "电容电压", "capacitor voltage", "V", Required: true, AllowsRepeatedReadings: true),
        ],
        [new ConstantDefinition("R", "电阻", "resistance", "Ω", Default: null, Required: false) { MustBePositive = true }],
        "U = U₀·e^(−t/τ) + U∞",
        [])
    {
        Options = [Mode],
        Quantities =
        [
            new QuantityDefinition("τ", "时间常数", "time constant", "s"),
            new QuantityDefinition("C", "电容", "capacitance", "F"),
            new QuantityDefinition("U₀", "初始电压", "initial voltage", "V"),
            new QuantityDefinition("U∞", "终值电压", "final voltage", "V"),
        ],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["exponential", .. Mode.Values];

    /// <inheritdoc />
    public override void Check(ValidatedInput input) => DecayFit.CheckPoints(input.Column("t"));

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var charging = input.Option(Mode.Key) == "charge";
        var t = input.Column("t");
        var u = input.Column("U");
        var fit = DecayFit.Fit(t, u);
        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = charging ? "U = U∞ − (U∞ − U₀)·e^(−t/τ)" : "U = U₀·e^(−t/τ) + U∞",
            ParameterNames = ["A", "τ", "U∞"],
            ParameterUnits = ["V", "s", "V"],
            Points = LineData.From(t, u).Points,
            XLabel = "时间 <i>t</i> / s",
            YLabel = "电容电压 <i>U</i> / V",
            CurveLabel = charging ? "充电曲线拟合" : "放电曲线拟合",
            Method = "Levenberg–Marquardt",
            Quantities =
            [
                new QuantityFormula("τ", "时间常数", "time constant", "s", "τ（拟合参数）", (p, _) => p[1]).Evaluate(fit, input),
                new QuantityFormula("C", "电容", "capacitance", "F", "C = τ/R", (p, q) => p[1] / q[0]) { Constants = ["R"] }.Evaluate(fit, input),
                new QuantityFormula("U₀", "初始电压", "initial voltage", "V", "U₀ = A + U∞", (p, _) => p[0] + p[2]).Evaluate(fit, input),
                new QuantityFormula("U∞", "终值电压", "final voltage", "V", "U∞（拟合参数）", (p, _) => p[2]).Evaluate(fit, input),
            ],
        };
    }
}
