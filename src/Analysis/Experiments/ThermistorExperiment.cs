namespace LabCharts.Analysis;

/// <summary>
/// 热敏电阻温度特性: an NTC thermistor follows R = R∞·e^(B/T), so ln R = B/T + A is a line in
/// 1/T (T = t + 273.15 K). The chart is ln R against 1/T; B is the slope (K),
/// R₂₅ = e^(A + B/298.15 K) and the temperature coefficient at 25 °C is α = −B/T².
/// u(ln R) = u(R)/R. A resistance ≤ 0 cannot be logged: <c>non_positive_for_log</c>.
/// </summary>
internal static class ThermistorExperiment
{
    private const double T25 = 298.15;

    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "thermistor", "热敏电阻温度特性", "Thermistor: resistance against temperature",
            [
                new ColumnDefinition("t", "温度", "temperature", "°C", Required: true, AllowsRepeatedReadings: true),
                new ColumnDefinition("R", "电阻", "resistance", "Ω", Required: true, AllowsRepeatedReadings: true),
            ],
            [],
            "ln R = B/T + A",
            [])
        {
            Quantities =
            [
                new QuantityDefinition("B", "材料常数", "material constant", "K"),
                new QuantityDefinition("R₂₅", "25 °C 电阻", "resistance at 25 °C", "Ω"),
                new QuantityDefinition("α₂₅", "25 °C 温度系数", "temperature coefficient at 25 °C", "K⁻¹"),
            ],
        })
    {
        Line = input =>
        {
            var t = input.Column("t");
            var resistance = input.Column("R");
            foreach (var value in resistance.Values)
            {
                if (!(value > 0))
                {
                    throw AnalysisErrors.Custom(
                        AnalysisErrorCodes.NonPositiveForLog, resistance.Field,
                        "电阻必须大于 0 才能取对数 ln R。", "Every resistance must be greater than 0 to take ln R.");
                }
            }

            var kelvin = t.Values.Select(v => v + 273.15).ToArray();
            if (kelvin.Any(k => !(k > 0)))
            {
                throw AnalysisErrors.Custom(AnalysisErrorCodes.OutOfRange, t.Field, "温度低于绝对零度。", "A temperature is below absolute zero.");
            }

            return new LineData(
                [.. kelvin.Select(k => 1 / k)],
                [.. kelvin.Select((k, i) => t.Uncertainties[i] / (k * k))],
                [.. resistance.Values.Select(v => Math.Log(v))],
                [.. resistance.Values.Select((v, i) => resistance.Uncertainties[i] / v)],
                t.Field);
        },
        SlopeSign = 0,
        Symbols = ("ln <i>R</i>", "(1/<i>T</i>)"),
        Units = ("K", ""),
        Labels = ("1/<i>T</i> / K<sup>−1</sup>", "ln(<i>R</i>/Ω)"),
        Quantities = (fit, input) =>
        [
            new QuantityFormula("B", "材料常数", "material constant", "K", "B = k", (p, _) => p[0]).Evaluate(fit, input),
            new QuantityFormula("R₂₅", "25 °C 电阻", "resistance at 25 °C", "Ω", "R₂₅ = e^(c + k/T₂₅), T₂₅ = 298.15 K", (p, _) => Math.Exp(p[1] + (p[0] / T25))).Evaluate(fit, input),
            new QuantityFormula("α₂₅", "25 °C 温度系数", "temperature coefficient at 25 °C", "K⁻¹", "α₂₅ = −k/T₂₅²", (p, _) => -p[0] / (T25 * T25)).Evaluate(fit, input),
        ],
    };
}
