namespace LabCharts.Analysis;

/// <summary>
/// 牛顿环测曲率半径: the m-th dark ring has D_m² = 4·R·λ·m (+ a constant that absorbs the
/// unknown ring order at the centre and dust between the surfaces), so D² = k·m + c gives
/// R = k/(4λ). u(D²) = 2·D·u(D). Ring numbers must be strictly increasing integers.
/// </summary>
internal static class NewtonRingsExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "newton_rings", "牛顿环测曲率半径", "Newton's rings: radius of curvature",
            [
                new ColumnDefinition("m", "环序数", "ring number", "", Required: true, AllowsRepeatedReadings: false) { IsIndex = true },
                new ColumnDefinition("D", "暗环直径", "ring diameter", "m", Required: true, AllowsRepeatedReadings: true) { MustBePositive = true },
            ],
            [
                new ConstantDefinition("lambda", "光波长", "wavelength", "m", Default: ReferenceValues.SodiumLine, Required: false) { MustBePositive = true },
                new ConstantDefinition("R_ref", "曲率半径参考值", "reference radius", "m", Default: null, Required: false) { MustBePositive = true },
            ],
            "D² = k·m + c",
            [])
        {
            Quantities = [new QuantityDefinition("R", "曲率半径", "radius of curvature", "m")],
        })
    {
        AllowsSuccessiveDifferences = true,
        Line = input =>
        {
            var m = input.Column("m");
            var d = input.Column("D");
            return new LineData(m.Values, m.Uncertainties, [.. d.Values.Select(v => v * v)], [.. d.Values.Select((v, i) => 2 * v * d.Uncertainties[i])], m.Field)
            {
                YField = d.Field,
                YTypeB = 2 * d.Values.Max(Math.Abs) * d.TypeB, // u_B(D²) = 2D·u_B(D), at the largest ring
            };
        },
        Symbols = ("<i>D</i><sup>2</sup>", "<i>m</i>"),
        Units = ("m²", "m²"),
        Labels = ("环序数 <i>m</i>", "<i>D</i><sup>2</sup> / m<sup>2</sup>"),
        Quantities = (fit, input) =>
        {
            return
            [
                new QuantityFormula("R", "曲率半径", "radius of curvature", "m", "R = k/(4λ)", (p, q) => p[0] / (4 * q[0])) { Constants = ["lambda"] }
                    .Evaluate(fit, input, input.Optional("R_ref")),
            ];
        },
    };
}
