namespace LabCharts.Analysis;

/// <summary>
/// 光栅衍射: the grating equation d·sin θ = k·λ makes sin θ proportional to the order k, so a
/// line through the origin sin θ = s·k gives λ = d·s. Angles in rad (°, ′ accepted);
/// u(sin θ) = |cos θ|·u(θ). The reference is <c>lambda_ref</c>, or the lamp option
/// (<c>sodium</c> 589.3 nm, <c>hene</c> 632.8 nm).
/// </summary>
internal static class GratingExperiment
{
    private static readonly OptionDefinition Lamp = new("lamp", "光源", "lamp", ["none", "sodium", "hene"], "none");

    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "grating", "光栅衍射", "Diffraction grating",
            [
                new ColumnDefinition("k", "衍射级次", "order", "", Required: true, AllowsRepeatedReadings: false) { IsIndex = true },
                new ColumnDefinition("theta", "衍射角", "diffraction angle", "rad", Required: true, AllowsRepeatedReadings: true),
            ],
            [
                new ConstantDefinition("d", "光栅常数", "grating spacing", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("lambda_ref", "波长参考值", "reference wavelength", "m", Default: null, Required: false) { MustBePositive = true },
            ],
            "sin θ = s·k",
            [])
        {
            Options = [Lamp],
            Quantities = [new QuantityDefinition("λ", "波长", "wavelength", "m")],
        })
    {
        WithIntercept = false,
        Line = input =>
        {
            var k = input.Column("k");
            var theta = input.Column("theta");
            if (theta.Values.Any(t => Math.Abs(t) >= Math.PI / 2))
            {
                throw AnalysisErrors.Custom(
                    AnalysisErrorCodes.OutOfRange, theta.Field,
                    "衍射角的绝对值必须小于 90°。", "Diffraction angles must be smaller than 90° in magnitude.");
            }

            return new LineData(k.Values, k.Uncertainties, [.. theta.Values.Select(Math.Sin)], [.. theta.Values.Select((t, i) => Math.Abs(Math.Cos(t)) * theta.Uncertainties[i])], k.Field);
        },
        Symbols = ("sin <i>θ</i>", "<i>k</i>"),
        Units = ("", ""),
        Labels = ("级次 <i>k</i>", "sin <i>θ</i>"),
        Quantities = (fit, input) =>
        {
            var reference = input.Optional("lambda_ref") ?? ReferenceValues.Lamp(input.Option("lamp"));
            return [new QuantityFormula("λ", "波长", "wavelength", "m", "λ = d·k", (p, q) => q[0] * p[0]) { Constants = ["d"] }.Evaluate(fit, input, reference)];
        },
    };
}
