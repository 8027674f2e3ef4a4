namespace LabCharts.Analysis;

/// <summary>
/// 弗兰克-赫兹实验: the anode current I(U) drops each time the electrons gain the first
/// excitation energy once more, so successive peaks are spaced by the excitation potential:
/// the peak positions satisfy U_peak = k·i + c (c absorbs the contact potential) and ΔU = k.
/// Needs at least three peaks (<c>too_few_peaks</c>). The chart is the I–U curve with the peaks
/// marked; the peak-position line is its secondary chart. Reference: <c>U_ref</c>, or the gas
/// option (<c>Hg</c> 4.9 V, <c>Ar</c> 11.5 V).
/// </summary>
internal sealed class FranckHertzExperiment : Experiment
{
    private static readonly OptionDefinition Gas = new("gas", "管内气体", "gas", ["none", "hg", "ar"], "none");

    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "franck_hertz", "弗兰克-赫兹实验", "Franck–Hertz experiment",
        [
            new ColumnDefinition("U", "加速电压", "accelerating voltage", "V", Required: true, AllowsRepeatedReadings: false),
            new ColumnDefinition("I", "板极电流", "anode current", "A", Required: true, AllowsRepeatedReadings: true),
        ],
        [new ConstantDefinition("U_ref", "激发电位参考值", "reference excitation potential", "V", Default: null, Required: false) { MustBePositive = true }],
        "U_peak = k·i + c",
        [])
    {
        Options = [Gas],
        Quantities = [new QuantityDefinition("ΔU", "第一激发电位", "first excitation potential", "V")],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["linear"];

    /// <inheritdoc />
    public override void Check(ValidatedInput input) => _ = SortedCurve(input);

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var gas = input.Option(Gas.Key);
        var u = input.Column("U");
        var current = input.Column("I");
        var (order, x, y, peaks) = SortedCurve(input);
        var index = Enumerable.Range(1, peaks.Count).Select(i => (double)i).ToArray();
        var line = new LineData(index, new double[peaks.Count], [.. peaks.Select(p => p.X)], new double[peaks.Count], u.Field);
        var fit = line.Fit();
        var reference = input.Optional("U_ref") ?? gas switch
        {
            "hg" => ReferenceValues.MercuryExcitation,
            "ar" => ReferenceValues.ArgonExcitation,
            _ => (double?)null,
        };

        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = Definition.Model,
            ParameterUnits = ["V", "V"],
            Points = line.Points,
            XLabel = "峰序号 <i>i</i>",
            YLabel = "峰位电压 <i>U</i><sub>peak</sub> / V",
            Equation = FitAnnotations.Equation("<i>U</i><sub>peak</sub>", "<i>i</i>", fit, input.Rounding),
            Quantities = [new QuantityFormula("ΔU", "第一激发电位", "first excitation potential", "V", "ΔU = k", (p, _) => p[0]).Evaluate(fit, input, reference)],
            ChartOverride = (outcome, peakChart) => new ChartData
            {
                Title = peakChart.Title,
                XLabel = "加速电压 <i>U</i> / V",
                YLabel = "板极电流 <i>I</i> / A",
                Points = [.. order.Select(i => new ChartPoint(u.Values[i], current.Values[i], u.Uncertainties[i], current.Uncertainties[i]))],
                Curve = v => Interpolate(x, y, v),
                CurveIsFit = false,
                ConnectPoints = true,
                CurveLabel = "I–U 曲线",
                MarkedPoints = [.. peaks.Select(p => new ChartPoint(p.X, p.Y, 0, 0))],
                MarkedPointsLabel = "峰位",
                Annotations = peakChart.Annotations,
                Secondary = peakChart with { Title = "峰位电压与峰序号", CurveLabel = "拟合直线" },
            },
        };
    }

    // The I–U record sorted by U and its peaks; finding peaks is a scan, not a fit, so validation runs it.
    private static (int[] Order, double[] X, double[] Y, IReadOnlyList<(double X, double Y)> Peaks) SortedCurve(ValidatedInput input)
    {
        var u = input.Column("U");
        var current = input.Column("I");
        var order = Enumerable.Range(0, u.Count).OrderBy(i => u.Values[i]).ToArray();
        var x = order.Select(i => u.Values[i]).ToArray();
        var y = order.Select(i => current.Values[i]).ToArray();
        var peaks = PeakFinder.Find(x, y);
        if (peaks.Count < 3)
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.TooFewPeaks, current.Field,
                $"I–U 曲线上只找到 {peaks.Count} 个峰，至少需要 3 个才能拟合峰间距。请扩大电压范围或减小电压步长。",
                $"Only {peaks.Count} peaks were found in the I–U curve; at least 3 are needed to fit their spacing. Extend the voltage range or use smaller steps.");
        }

        return (order, x, y, peaks);
    }

    private static double Interpolate(double[] x, double[] y, double v)
    {
        if (v <= x[0])
        {
            return y[0];
        }

        for (var i = 1; i < x.Length; i++)
        {
            if (v <= x[i])
            {
                var t = x[i] == x[i - 1] ? 0 : (v - x[i - 1]) / (x[i] - x[i - 1]);
                return y[i - 1] + (t * (y[i] - y[i - 1]));
            }
        }

        return y[^1];
    }
}
