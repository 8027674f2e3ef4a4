namespace LabCharts.Analysis;

/// <summary>
/// 伏安法测电阻: the current through a resistor grows linearly with the voltage, I = U/R, so the
/// line I = k·U + c gives R = 1/k; the intercept absorbs a meter's zero offset.
/// u(R) = u(k)/k². The relative error is reported against <c>R_ref</c> (nominal value) when given.
/// </summary>
internal static class OhmExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "ohm", "伏安法测电阻", "Resistance by voltmeter–ammeter",
            [
                new ColumnDefinition("U", "电压", "voltage", "V", Required: true, AllowsRepeatedReadings: true),
                new ColumnDefinition("I", "电流", "current", "A", Required: true, AllowsRepeatedReadings: true),
            ],
            [new ConstantDefinition("R_ref", "电阻参考值", "reference resistance", "Ω", Default: null, Required: false) { MustBePositive = true }],
            "I = k·U + c",
            [])
        {
            Quantities = [new QuantityDefinition("R", "电阻", "resistance", "Ω")],
        })
    {
        Line = input => LineData.From(input.Column("U"), input.Column("I")),
        Symbols = ("<i>I</i>", "<i>U</i>"),
        Units = ("S", "A"),
        Labels = ("电压 <i>U</i> / V", "电流 <i>I</i> / A"),
        Quantities = (fit, input) =>
        [
            new QuantityFormula("R", "电阻", "resistance", "Ω", "R = 1/k", (p, _) => 1 / p[0]).Evaluate(fit, input, input.Optional("R_ref")),
        ],
    };
}
