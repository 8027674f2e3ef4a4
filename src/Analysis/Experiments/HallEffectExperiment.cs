namespace LabCharts.Analysis;

/// <summary>
/// 霍尔效应: in a field B the Hall voltage of a sample of thickness d is U_H = K_H·I_s·B with
/// K_H = R_H/d and R_H = 1/(n·e). The line U_H = k·I_s + c (c: misalignment voltage) gives
/// K_H = k/B, R_H = K_H·d and the carrier density n = 1/(|R_H|·e). The sign of k is the
/// carrier type, so either sign is accepted; n uses |R_H|.
/// </summary>
internal static class HallEffectExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "hall_effect", "霍尔效应", "Hall effect",
            [
                new ColumnDefinition("Is", "工作电流", "sample current", "A", Required: true, AllowsRepeatedReadings: true),
                new ColumnDefinition("UH", "霍尔电压", "Hall voltage", "V", Required: true, AllowsRepeatedReadings: true),
            ],
            [
                new ConstantDefinition("B", "磁感应强度", "magnetic flux density", "T", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("d", "样品厚度", "sample thickness", "m", Default: null, Required: false) { MustBePositive = true },
            ],
            "U_H = k·I_s + c",
            [])
        {
            Quantities =
            [
                new QuantityDefinition("K_H", "霍尔灵敏度", "Hall sensitivity", "V/(A·T)"),
                new QuantityDefinition("R_H", "霍尔系数", "Hall coefficient", "m³/C"),
                new QuantityDefinition("n", "载流子浓度", "carrier density", "m⁻³"),
            ],
        })
    {
        AllowsSuccessiveDifferences = true,
        Line = input => LineData.From(input.Column("Is"), input.Column("UH")),
        SlopeSign = 0,
        Symbols = ("<i>U</i><sub>H</sub>", "<i>I</i><sub>s</sub>"),
        Units = ("Ω", "V"),
        Labels = ("工作电流 <i>I</i><sub>s</sub> / A", "霍尔电压 <i>U</i><sub>H</sub> / V"),
        Quantities = (fit, input) =>
        {
            return
            [
                new QuantityFormula("K_H", "霍尔灵敏度", "Hall sensitivity", "V/(A·T)", "K_H = k/B", (p, q) => p[0] / q[0]) { Constants = ["B"] }.Evaluate(fit, input),
                new QuantityFormula("R_H", "霍尔系数", "Hall coefficient", "m³/C", "R_H = k·d/B", (p, q) => p[0] * q[1] / q[0]) { Constants = ["B", "d"] }.Evaluate(fit, input),
                new QuantityFormula("n", "载流子浓度", "carrier density", "m⁻³", "n = B/(|k|·d·e)", (p, q) => q[0] / (Math.Abs(p[0]) * q[1] * ReferenceValues.ElementaryCharge)) { Constants = ["B", "d"] }
                    .Evaluate(fit, input),
            ];
        },
    };
}
