namespace LabCharts.Analysis;

/// <summary>
/// A parsed model y = f(x; p) with its parameter names and the symbolic partial derivative for
/// every parameter: what the Levenberg–Marquardt solver needs. Fits run the value and the
/// derivatives as <see cref="ExpressionTape"/>s over all points at once (<see cref="Bind"/>).
/// </summary>
internal sealed class ExpressionModel : IFitModel
{
    private readonly ExpressionNode _root;
    private readonly ExpressionNode[] _derivatives;
    private readonly ExpressionTape _valueTape;
    private readonly ExpressionTape _jacobianTape;

    private ExpressionModel(string text, ExpressionNode root, IReadOnlyList<string> parameters)
    {
        Text = text;
        _root = root;
        Parameters = parameters;
        _derivatives = [.. Enumerable.Range(0, parameters.Count).Select(i => ExpressionDerivative.Differentiate(root, i))];
        _valueTape = ExpressionTape.Compile([root]);
        _jacobianTape = ExpressionTape.Compile(_derivatives);
    }

    /// <summary>The expression as the user typed it.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>
    /// Parses <paramref name="text"/>; throws <c>invalid_expression</c> with the position of the
    /// fault. <paramref name="order"/> fixes the order of the named parameters (the rest follow
    /// in order of appearance).
    /// </summary>
    public static ExpressionModel Parse(string? text, IEnumerable<string>? order = null)
    {
        var (root, parameters) = ExpressionParser.Parse(text, order);
        if (parameters.Count == 0)
        {
            throw AnalysisErrors.InvalidExpression(1, "表达式中没有待拟合的参数（除 x、pi、e 和函数名以外的名字）", "the expression has no parameter to fit (a name other than x, pi, e and the functions)");
        }

        if (parameters.Count > 20)
        {
            throw AnalysisErrors.InvalidExpression(1, "参数过多（最多 20 个）", "too many parameters (at most 20)");
        }

        return new ExpressionModel(text!.Trim(), root, parameters);
    }

    /// <inheritdoc />
    public double Evaluate(double x, ReadOnlySpan<double> parameters) => _root.Evaluate(x, parameters);

    /// <inheritdoc />
    public void Gradient(double x, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        for (var j = 0; j < _derivatives.Length; j++)
        {
            gradient[j] = _derivatives[j].Evaluate(x, parameters);
        }
    }

    /// <inheritdoc />
    public IFitEvaluator Bind(double[] x) => new TapeEvaluator(_valueTape.Bind(x), _jacobianTape.Bind(x));

    private sealed class TapeEvaluator(ExpressionTape.Workspace values, ExpressionTape.Workspace jacobian) : IFitEvaluator
    {
        public void Values(ReadOnlySpan<double> parameters, Span<double> output) => values.Run(parameters, output);

        public void Jacobian(ReadOnlySpan<double> parameters, Span<double> output) => jacobian.Run(parameters, output);
    }
}
