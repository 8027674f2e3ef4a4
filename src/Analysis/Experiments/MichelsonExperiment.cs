namespace LabCharts.Analysis;

/// <summary>
/// 迈克尔逊干涉测波长: moving the mirror by d changes the path by 2d, so N fringes pass when
/// 2d = N·λ: the line d = k·N + c gives λ = 2|k|. Reference: <c>lambda_ref</c> or the lamp
/// option (<c>hene</c> 632.8 nm, <c>sodium</c> 589.3 nm).
/// </summary>
internal static class MichelsonExperiment
{
    private static readonly OptionDefinition Lamp = new("lamp", "光源", "lamp", ["none", "sodium", "hene"], "none");

    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "michelson", "迈克尔逊干涉测波长", "Michelson interferometer: wavelength",
            [
                new ColumnDefinition("N", "条纹数", "fringe count", "", Required: true, AllowsRepeatedReadings: false) { IsIndex = true },
                new ColumnDefinition("d", "镜面位置", "mirror position", "m", Required: true, AllowsRepeatedReadings: true),
            ],
            [new ConstantDefinition("lambda_ref", "波长参考值", "reference wavelength", "m", Default: null, Required: false) { MustBePositive = true }],
            "d = k·N + c",
            [])
        {
            Options = [Lamp],
            Quantities = [new QuantityDefinition("λ", "波长", "wavelength", "m")],
        })
    {
        AllowsSuccessiveDifferences = true,
        Line = input => LineData.From(input.Column("N"), input.Column("d")),
        SlopeSign = 0,
        Symbols = ("<i>d</i>", "<i>N</i>"),
        Units = ("m", "m"),
        Labels = ("条纹数 <i>N</i>", "镜面位置 <i>d</i> / m"),
        Quantities = (fit, input) =>
        {
            var reference = input.Optional("lambda_ref") ?? ReferenceValues.Lamp(input.Option("lamp"));
            return [new QuantityFormula("λ", "波长", "wavelength", "m", "λ = 2|k|", (p, _) => 2 * Math.Abs(p[0])).Evaluate(fit, input, reference)];
        },
    };
}
