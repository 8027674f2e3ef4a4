namespace LabCharts.Analysis;

/// <summary>
/// 光电效应测普朗克常量: Einstein's e·U_a = h·ν − W makes the stopping voltage linear in the
/// frequency, U_a = k·ν + c with h = e·k, cut-off ν₀ = −c/k and work function W = −e·c. The
/// light is given as frequencies <c>nu</c> or wavelengths <c>lambda</c> (ν = c₀/λ,
/// u(ν) = c₀·u(λ)/λ²). U_a is entered as a magnitude. Reference: h = 6.62607015×10⁻³⁴ J·s.
/// </summary>
internal static class PhotoelectricExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "photoelectric", "光电效应测普朗克常量", "Photoelectric effect: Planck's constant",
            [
                new ColumnDefinition("nu", "光的频率", "light frequency", "Hz", Required: false, AllowsRepeatedReadings: false) { MustBePositive = true, AlternativeTo = "lambda" },
                new ColumnDefinition("lambda", "光的波长", "wavelength", "m", Required: false, AllowsRepeatedReadings: false) { MustBePositive = true, AlternativeTo = "nu" },
                new ColumnDefinition("Ua", "截止电压", "stopping voltage", "V", Required: true, AllowsRepeatedReadings: true),
            ],
            [],
            "U_a = k·ν + c",
            [])
        {
            Quantities =
            [
                new QuantityDefinition("h", "普朗克常量", "Planck constant", "J·s"),
                new QuantityDefinition("ν₀", "截止频率", "cut-off frequency", "Hz"),
                new QuantityDefinition("W", "逸出功", "work function", "J"),
            ],
        })
    {
        Line = input =>
        {
            var u = input.Column("Ua");
            if (input.Reading.Columns.TryGetValue("nu", out var nu))
            {
                return new LineData(nu.Values, nu.Uncertainties, [.. u.Values.Select(Math.Abs)], u.Uncertainties, nu.Field);
            }

            var lambda = input.Column("lambda");
            const double c = ReferenceValues.SpeedOfLight;
            return new LineData(
                [.. lambda.Values.Select(l => c / l)],
                [.. lambda.Values.Select((l, i) => c * lambda.Uncertainties[i] / (l * l))],
                [.. u.Values.Select(Math.Abs)],
                u.Uncertainties,
                lambda.Field);
        },
        Symbols = ("<i>U</i><sub>a</sub>", "<i>ν</i>"),
        Units = ("V·s", "V"),
        Labels = ("频率 <i>ν</i> / Hz", "截止电压 <i>U</i><sub>a</sub> / V"),
        Quantities = (fit, input) =>
        [
            new QuantityFormula("h", "普朗克常量", "Planck constant", "J·s", "h = e·k", (p, _) => ReferenceValues.ElementaryCharge * p[0])
                .Evaluate(fit, input, ReferenceValues.Planck),
            new QuantityFormula("ν₀", "截止频率", "cut-off frequency", "Hz", "ν₀ = −c/k", (p, _) => -p[1] / p[0]).Evaluate(fit, input),
            new QuantityFormula("W", "逸出功", "work function", "J", "W = −e·c", (p, _) => -ReferenceValues.ElementaryCharge * p[1]).Evaluate(fit, input),
        ],
    };
}
