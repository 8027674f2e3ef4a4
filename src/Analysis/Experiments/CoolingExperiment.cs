namespace LabCharts.Analysis;

/// <summary>
/// 牛顿冷却定律: a body cools towards the ambient temperature at a rate proportional to the
/// difference, T = Tₐ + (T₀ − Tₐ)·e^(−t/τ). Fitted as A·e^(−t/τ) + Tₐ (T₀ = A + Tₐ); temperatures
/// in °C (kelvin readings convert with the offset).
/// </summary>
internal sealed class CoolingExperiment : Experiment
{
    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "cooling", "牛顿冷却定律", "Newton's law of cooling",
        [
            new ColumnDefinition("t", "时间", "time", "s", Required: true, AllowsRepeatedReadings: true),
            new ColumnDefinition("T", "温度", "temperature", "°C", Required: true, AllowsRepeatedReadings: true),
        ],
        [],
        "T = Tₐ + (T₀ − Tₐ)·e^(−t/τ)",
        [])
    {
        Quantities =
        [
            new QuantityDefinition("τ", "冷却时间常数", "cooling time constant", "s"),
            new QuantityDefinition("Tₐ", "环境温度", "ambient temperature", "°C"),
            new QuantityDefinition("T₀", "初始温度", "initial temperature", "°C"),
        ],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["exponential"];

    /// <inheritdoc />
    public override void Check(ValidatedInput input) => DecayFit.CheckPoints(input.Column("t"));

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var t = input.Column("t");
        var temperature = input.Column("T");
        var fit = DecayFit.Fit(t, temperature);
        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = Definition.Model,
            ParameterNames = ["T₀ − Tₐ", "τ", "Tₐ"],
            ParameterUnits = ["K", "s", "°C"],
            Points = LineData.From(t, temperature).Points,
            XLabel = "时间 <i>t</i> / s",
            YLabel = "温度 <i>T</i> / °C",
            CurveLabel = "冷却曲线拟合",
            Method = "Levenberg–Marquardt",
            Quantities =
            [
                new QuantityFormula("τ", "冷却时间常数", "cooling time constant", "s", "τ（拟合参数）", (p, _) => p[1]).Evaluate(fit, input),
                new QuantityFormula("Tₐ", "环境温度", "ambient temperature", "°C", "Tₐ（拟合参数）", (p, _) => p[2]).Evaluate(fit, input),
                new QuantityFormula("T₀", "初始温度", "initial temperature", "°C", "T₀ = (T₀ − Tₐ) + Tₐ", (p, _) => p[0] + p[2]).Evaluate(fit, input),
            ],
        };
    }
}
