namespace LabCharts.Analysis;

/// <summary>
/// 拉伸法测杨氏模量（光杠杆）: a load F = m·g stretches a wire of length L and diameter d by
/// ΔL = 4·F·L/(π·d²·E); the optical lever (arm b, scale at distance D) magnifies it to a scale
/// reading n = 2·D·ΔL/b. So n = k·F + c with k = 8·L·D/(π·d²·b·E), i.e. E = 8·L·D/(π·d²·b·k).
/// The constants' uncertainties (d dominates: it enters squared) propagate with the slope's.
/// </summary>
internal static class YoungModulusExperiment
{
    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "young_modulus", "拉伸法测杨氏模量（光杠杆）", "Young's modulus by stretching (optical lever)",
            [
                new ColumnDefinition("m", "砝码质量", "load mass", "kg", Required: true, AllowsRepeatedReadings: false),
                new ColumnDefinition("n", "标尺读数", "scale reading", "m", Required: true, AllowsRepeatedReadings: true),
            ],
            [
                new ConstantDefinition("L", "钢丝长度", "wire length", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("D", "镜尺距离", "mirror–scale distance", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("d", "钢丝直径", "wire diameter", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("b", "光杠杆臂长", "optical lever arm", "m", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("g", "重力加速度", "gravitational acceleration", "m/s²", Default: 9.80, Required: false) { MustBePositive = true },
                new ConstantDefinition("E_ref", "杨氏模量参考值", "reference Young's modulus", "Pa", Default: null, Required: false) { MustBePositive = true },
            ],
            "n = k·(m·g) + c",
            [])
        {
            Quantities = [new QuantityDefinition("E", "杨氏模量", "Young's modulus", "Pa")],
        })
    {
        AllowsSuccessiveDifferences = true,
        Line = input =>
        {
            var m = input.Column("m");
            var n = input.Column("n");
            var g = input.Reading.Constants["g"].Value;
            return new LineData([.. m.Values.Select(v => v * g)], [.. m.Uncertainties.Select(u => u * g)], n.Values, n.Uncertainties, m.Field) { YField = n.Field, YTypeB = n.TypeB };
        },
        Symbols = ("<i>n</i>", "<i>F</i>"),
        Units = ("m/N", "m"),
        Labels = ("拉力 <i>F</i> = <i>mg</i> / N", "标尺读数 <i>n</i> / m"),
        Quantities = (fit, input) =>
        {
            return
            [
                new QuantityFormula("E", "杨氏模量", "Young's modulus", "Pa", "E = 8LD/(πd²bk)", (p, q) => 8 * q[0] * q[1] / (Math.PI * q[2] * q[2] * q[3] * p[0])) { Constants = ["L", "D", "d", "b"] }
                    .Evaluate(fit, input, input.Optional("E_ref")),
            ];
        },
    };
}
