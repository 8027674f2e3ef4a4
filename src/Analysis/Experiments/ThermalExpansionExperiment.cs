namespace LabCharts.Analysis;

/// <summary>
/// 金属线膨胀系数: a rod of length L₀ lengthens by ΔL = α·L₀·Δt, so ΔL = k·t + c gives α = k/L₀.
/// Temperatures are in °C (kelvin readings are converted with the 273.15 offset; only the
/// slope matters, per kelvin of difference). Reference: <c>alpha_ref</c> when given.
/// </summary>
internal static class ThermalExpansionExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "thermal_expansion", "金属线膨胀系数", "Linear thermal expansion coefficient",
            [
                new ColumnDefinition("t", "温度", "temperature", "°C", Required: true, AllowsRepeatedReadings: true),
                new ColumnDefinition("dL", "伸长量", "elongation", "m", Required: true, AllowsRepeatedReadings: true),
            ],
            [
                new ConstantDefinition("L0", "原长", "initial length", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("alpha_ref", "线膨胀系数参考值", "reference coefficient", "K^-1", Default: null, Required: false) { MustBePositive = true },
            ],
            "ΔL = k·t + c",
            [])
        {
            Quantities = [new QuantityDefinition("α", "线膨胀系数", "linear expansion coefficient", "K⁻¹")],
        })
    {
        AllowsSuccessiveDifferences = true,
        Line = input => LineData.From(input.Column("t"), input.Column("dL")),
        Symbols = ("Δ<i>L</i>", "<i>t</i>"),
        Units = ("m/K", "m"),
        Labels = ("温度 <i>t</i> / °C", "伸长量 Δ<i>L</i> / m"),
        Quantities = (fit, input) =>
        {
            return
            [
                new QuantityFormula("α", "线膨胀系数", "linear expansion coefficient", "K⁻¹", "α = k/L₀", (p, q) => p[0] / q[0]) { Constants = ["L0"] }
                    .Evaluate(fit, input, input.Optional("alpha_ref")),
            ];
        },
    };
}
