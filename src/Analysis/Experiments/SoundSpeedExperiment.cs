namespace LabCharts.Analysis;

/// <summary>
/// 声速测量: the receiver's successive positions x_i of maximum signal (resonance interference:
/// every λ/2) or of equal phase (phase comparison, Lissajous line: every λ) lie on x = k·i + c,
/// so λ = 2|k| (mode <c>resonance</c>, the default) or |k| (<c>phase</c>), and v = f·λ. With the
/// room temperature <c>t</c> the reference is 331.45·√(1 + t/273.15) m/s (dry air).
/// </summary>
internal static class SoundSpeedExperiment
{
    private static readonly OptionDefinition Mode = new("mode", "测量方法", "method", ["resonance", "phase"], "resonance");

    public static LineExperiment Experiment { get; } = new(
        new ExperimentDefinition(
            "sound_speed", "声速测量（共振干涉/相位比较）", "Speed of sound (resonance / phase comparison)",
            [
                new ColumnDefinition("i", "序号", "index", "", Required: true, AllowsRepeatedReadings: false) { IsIndex = true },
                new ColumnDefinition("x", "接收器位置", "receiver position", "m", Required: true, AllowsRepeatedReadings: true),
            ],
            [
                new ConstantDefinition("f", "声波频率", "frequency", "Hz", Default: null, Required: false) { MustBePositive = true },
                new ConstantDefinition("t", "室温", "room temperature", "°C", Default: null, Required: false),
            ],
            "x = k·i + c",
            [])
        {
            Options = [Mode],
            Quantities = [new QuantityDefinition("λ", "波长", "wavelength", "m"), new QuantityDefinition("v", "声速", "speed of sound", "m/s")],
        })
    {
        AllowsSuccessiveDifferences = true,
        ExtraKinds = Mode.Values,
        Line = input => LineData.From(input.Column("i"), input.Column("x")),
        SlopeSign = 0,
        Symbols = ("<i>x</i>", "<i>i</i>"),
        Units = ("m", "m"),
        Labels = ("序号 <i>i</i>", "位置 <i>x</i> / m"),
        Quantities = (fit, input) =>
        {
            var factor = input.Option("mode") == "phase" ? 1 : 2;
            double? reference = input.Optional("t") is { } t ? ReferenceValues.SpeedOfSound(t) : null;
            if (reference is not null && !(reference > 0))
            {
                reference = null;
            }

            return
            [
                new QuantityFormula("λ", "波长", "wavelength", "m", factor == 2 ? "λ = 2|k|" : "λ = |k|", (p, _) => factor * Math.Abs(p[0])).Evaluate(fit, input),
                new QuantityFormula("v", "声速", "speed of sound", "m/s", factor == 2 ? "v = f·λ = 2f·|k|" : "v = f·λ = f·|k|", (p, q) => q[0] * factor * Math.Abs(p[0])) { Constants = ["f"] }.Evaluate(fit, input, reference),
            ];
        },
    };
}
