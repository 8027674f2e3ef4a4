namespace LabCharts.Analysis;

/// <summary>
/// 二极管伏安特性: the Shockley equation I = I_s·(e^(U/(n·V_T)) − 1), V_T = k_B·T/e, fitted to
/// ln I (relative residuals: forward currents span decades). Every current must be &gt; 0
/// (forward branch): <c>non_positive_for_log</c> otherwise. T defaults to 298.15 K (°C accepted).
/// Option <c>yScale</c>: <c>log</c> draws the current on a logarithmic axis.
/// </summary>
internal sealed class DiodeExperiment : Experiment
{
    private static readonly OptionDefinition Scale = new("yScale", "电流坐标", "current axis", ["linear", "log"], "linear");

    /// <inheritdoc />
    public override ExperimentDefinition Definition { get; } = new(
        "diode", "二极管伏安特性", "Diode current–voltage characteristic",
        [
            new ColumnDefinition("U", "正向电压", "forward voltage", "V", Required: true, AllowsRepeatedReadings: true),
            new ColumnDefinition("I", "正向电流", "forward current", "A", Required: true, AllowsRepeatedReadings: true),
        ],
        [new ConstantDefinition("T", "温度", "temperature", "K", Default: 298.15, Required: false)],
        "I = I_s·(e^(U/(n·V_T)) − 1)",
        [])
    {
        Options = [Scale],
        Quantities = [new QuantityDefinition("I_s", "反向饱和电流", "saturation current", "A"), new QuantityDefinition("n", "理想因子", "ideality factor", "")],
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> ModelKinds => ["shockley"];

    /// <inheritdoc />
    public override void Check(ValidatedInput input)
    {
        var u = input.Column("U");
        var current = input.Column("I");
        var temperature = input.Reading.Constants["T"].Value;
        if (!(temperature > 0))
        {
            throw AnalysisErrors.Custom(AnalysisErrorCodes.OutOfRange, InputField.Constant("T"), "温度必须高于绝对零度。", "The temperature must be above absolute zero.");
        }

        if (current.Values.Any(i => !(i > 0)))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NonPositiveForLog, current.Field,
                "正向电流必须全部大于 0（拟合 ln I）；请只输入正向导通的数据。", "Every forward current must be greater than 0 (the fit uses ln I); enter the forward branch only.");
        }

        NonlinearFitter.CheckPoints(2, u.Count, u.Field);
    }

    /// <inheritdoc />
    public override ExperimentOutcome Evaluate(ValidatedInput input)
    {
        var log = input.Option(Scale.Key) == "log";
        var u = input.Column("U");
        var current = input.Column("I");
        var temperature = input.Reading.Constants["T"].Value;
        var thermalVoltage = ReferenceValues.Boltzmann * temperature / ReferenceValues.ElementaryCharge;
        var model = BuiltInModels.Shockley(thermalVoltage);
        var lnI = current.Values.Select(i => Math.Log(i)).ToArray();
        var sigma = current.HasUncertaintyEverywhere ? current.Values.Select((i, k) => current.Uncertainties[k] / i).ToArray() : null;
        var fit = model.Fit(u.Values, lnI, sigma, u.Field);
        double CurrentAt(double x) => fit.Values[0] * (Math.Exp(x / (fit.Values[1] * thermalVoltage)) - 1);

        return new ExperimentOutcome
        {
            Fit = fit,
            ModelText = "ln I = ln(I_s·(e^(U/(n·V_T)) − 1))",
            ParameterNames = ["I_s", "n"],
            ParameterUnits = ["A", ""],
            Points = LineData.From(u, current).Points,
            FitSpace = new FitSpace(
                [.. u.Values.Select((x, k) => new ChartPoint(x, lnI[k], u.Uncertainties[k], sigma?[k] ?? 0))], "正向电压 <i>U</i> / V", "ln(<i>I</i>/A)"),
            XLabel = "正向电压 <i>U</i> / V",
            YLabel = "正向电流 <i>I</i> / A",
            CurveLabel = "肖克利方程拟合",
            Method = "Levenberg–Marquardt (ln I)",
            YScale = log ? AxisScale.Log : AxisScale.Linear,
            Quantities =
            [
                new QuantityFormula("I_s", "反向饱和电流", "saturation current", "A", "I_s（拟合参数）", (p, _) => p[0]).Evaluate(fit, input),
                new QuantityFormula("n", "理想因子", "ideality factor", "", "n（拟合参数）", (p, _) => p[1]).Evaluate(fit, input),
            ],

            // The fit lives in ln I; the chart shows I, with the bands mapped back to first order
            // (δI = I·δ ln I).
            ChartOverride = (_, chart) => chart with
            {
                Curve = CurrentAt,
                ConfidenceBand = x => Math.Abs(CurrentAt(x)) * fit.ConfidenceHalfWidth(x),
                PredictionBand = x => Math.Abs(CurrentAt(x)) * fit.PredictionHalfWidth(x, fit.DegreesOfFreedom > 0 ? fit.ChiSquared / fit.DegreesOfFreedom : 0),
            },
        };
    }
}
