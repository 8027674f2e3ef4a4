namespace LabCharts.Analysis;

/// <summary>
/// A named nonlinear model: its formula (parsed by our expression parser, so the Jacobian is the
/// analytic one, differentiated symbolically), display text, automatic initial guess from the
/// data, and the units of its parameters given the units of x and y.
/// </summary>
internal sealed record BuiltInModel(
    string Kind,
    string Formula,
    string DisplayText,
    Func<double[], double[], double[]> Guess,
    Func<PhysicalUnit, PhysicalUnit, string[]> ParameterUnits)
{
    private ExpressionModel? _model;

    public ExpressionModel Model => _model ??= ExpressionModel.Parse(Formula);

    /// <summary>Fits the model to (x, y): guess, then Levenberg–Marquardt.</summary>
    public CurveFit Fit(double[] x, double[] y, double[]? sigma, InputField xField)
    {
        var start = Guess(x, y);
        if (start.Any(v => !double.IsFinite(v)))
        {
            throw AnalysisErrors.Custom(
                AnalysisErrorCodes.NoFeature, xField,
                $"数据不具备{DisplayText}模型所需的形状，无法自动估计初始值。",
                $"The data do not have the shape the {Kind} model needs; no initial guess can be made.");
        }

        return NonlinearFitter.Fit(Model, x, y, sigma, start, xField);
    }
}
