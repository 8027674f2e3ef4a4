namespace LabCharts.Analysis;

/// <summary>
/// 牛顿冷却定律: a body cools towards the ambient temperature at a rate proportional to the
/// difference, T = Tₐ + (T₀ − Tₐ)·e^(−t/τ). Fitted as A·e^(−t/τ) + Tₐ (T₀ = A + Tₐ); temperatures
/// in °C (kelvin readings convert with the offset).
/// </summary>
public sealed class CoolingExperiment : IExperiment
{
    /// <inheritdoc />
    public ExperimentDefinition Definition { get; } = new(
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
    public void Validate(ExperimentInput input) => _ = Evaluate(input);

    /// <inheritdoc />
    public AnalysisResult Analyze(ExperimentInput input) => ExperimentReport.Build(Definition, input, Evaluate(input));

    private ExperimentOutcome Evaluate(ExperimentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ModelSelection.Select(input.Model, ["exponential"], "exponential");
        var reading = ExperimentInputReader.Read(Definition, input);
        var t = reading.Columns["t"];
        var temperature = reading.Columns["T"];
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
                new QuantityFormula("τ", "冷却时间常数", "cooling time constant", "s", (p, _) => p[1]).Evaluate(fit, [], [], input.Rounding),
                new QuantityFormula("Tₐ", "环境温度", "ambient temperature", "°C", (p, _) => p[2]).Evaluate(fit, [], [], input.Rounding),
                new QuantityFormula("T₀", "初始温度", "initial temperature", "°C", (p, _) => p[0] + p[2]).Evaluate(fit, [], [], input.Rounding),
            ],
        };
    }
}
