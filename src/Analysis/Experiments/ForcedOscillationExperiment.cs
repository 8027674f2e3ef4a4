namespace LabCharts.Analysis;

/// <summary>
/// 受迫振动（波尔共振）: the steady-state amplitude of a damped oscillator driven at ω is
/// A = F/√((ω₀² − ω²)² + (2βω)²) (F: drive per unit moment of inertia, β: damping). Fitted by
/// Levenberg–Marquardt from the peak (ω₀) and the half-power width (≈ 2β); the quality factor is
/// Q = ω₀/(2β). The amplitude takes any unit (degrees or scale divisions on Bohr's wheel).
/// </summary>
internal sealed class ForcedOscillationExperiment : Experiment
{
    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "forced_oscillation", "受迫振动（波尔共振）", "Forced oscillation (Pohl's resonator)",
        [
            new ColumnDefinition("omega", "驱动角频率", "driving angular frequency", "rad/s", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
            new ColumnDefinition("A", "振幅", "amplitude", "", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
        ],
        [],
        "A = F/√((ω₀² − ω²)² + (2βω)²)",
        [])
    {
        Quantities =
        [
            new QuantityDefinition("ω₀", "固有角频率", "natural angular frequency", "rad/s"),
            new QuantityDefinition("β", "阻尼系数", "damping coefficient", "s⁻¹"),
            new QuantityDefinition("Q", "品质因数", "quality factor", ""),
        ],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["resonance"];

    /// <inheritdoc />
    public override void Check(ValidatedInput input)
    {
        var omega = input.Column("omega");
        var amplitude = input.Column("A");
        NonlinearFitter.CheckPoints(3, omega.Count, omega.Field);
        var top = Array.IndexOf(amplitude.Values, amplitude.Values.Max());
        if (omega.Count >= 4 && (top == 0 || top == omega.Count - 1) && omega.Values.Zip(omega.Values.Skip(1)).All(p => p.First < p.Second))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NoFeature, amplitude.Field,
                "振幅的最大值在测量范围的端点，数据没有覆盖共振峰。", "The largest amplitude is at the end of the range: the data do not cover the resonance peak.");
        }
    }

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var omega = input.Column("omega");
        var amplitude = input.Column("A");
        var fit = BuiltInModels.Resonance.Fit(omega.Values, amplitude.Values, amplitude.HasUncertaintyEverywhere ? amplitude.Uncertainties : null, omega.Field);
        var unit = amplitude.Unit.SiText;
        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = Definition.Model,
            ParameterNames = ["F", "ω₀", "β"],
            ParameterUnits = [unit.Length > 0 ? unit + "·s⁻²" : "s⁻²", "rad/s", "s⁻¹"],
            Points = LineData.From(omega, amplitude).Points,
            XLabel = "驱动角频率 <i>ω</i> / (rad/s)",
            YLabel = PangoMarkup.AxisLabel("振幅 <i>A</i>", amplitude.Unit.SiMarkup),
            CurveLabel = "共振曲线拟合",
            Method = "Levenberg–Marquardt",
            Quantities =
            [
                new QuantityFormula("ω₀", "固有角频率", "natural angular frequency", "rad/s", "ω₀（拟合参数）", (p, _) => Math.Abs(p[1])).Evaluate(fit, input),
                new QuantityFormula("β", "阻尼系数", "damping coefficient", "s⁻¹", "β（拟合参数）", (p, _) => Math.Abs(p[2])).Evaluate(fit, input),
                new QuantityFormula("Q", "品质因数", "quality factor", "", "Q = ω₀/(2β)", (p, _) => Math.Abs(p[1] / (2 * p[2]))).Evaluate(fit, input),
            ],
        };
    }
}
