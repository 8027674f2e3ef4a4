namespace LabCharts.Analysis;

/// <summary>A model y = f(x; p) the nonlinear solver can fit: values and the gradient with respect to p.</summary>
internal interface IFitModel
{
    /// <summary>Parameter names in the order of the parameter vector.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>f(x; p).</summary>
    double Evaluate(double x, ReadOnlySpan<double> parameters);

    /// <summary>∂f/∂pⱼ at (x; p), written into <paramref name="gradient"/>.</summary>
    void Gradient(double x, ReadOnlySpan<double> parameters, Span<double> gradient);

    /// <summary>
    /// An evaluator of the model over the fixed points <paramref name="x"/>, with its own work
    /// arrays: one per fit, so that the iterations allocate nothing. By default it calls
    /// <see cref="Evaluate"/> and <see cref="Gradient"/> point by point.
    /// </summary>
    IFitEvaluator Bind(double[] x) => new PointwiseEvaluator(this, x);
}

/// <summary>A model bound to its points (see <see cref="IFitModel.Bind"/>); not shared between threads.</summary>
internal interface IFitEvaluator
{
    /// <summary>f(xᵢ; p) into <paramref name="values"/>[i].</summary>
    void Values(ReadOnlySpan<double> parameters, Span<double> values);

    /// <summary>∂f(xᵢ; p)/∂pⱼ into <paramref name="jacobian"/>[j·n + i] (column by column).</summary>
    void Jacobian(ReadOnlySpan<double> parameters, Span<double> jacobian);
}

/// <summary>The default <see cref="IFitEvaluator"/>: the model's own methods, point by point.</summary>
internal sealed class PointwiseEvaluator(IFitModel model, double[] x) : IFitEvaluator
{
    private readonly double[] _gradient = new double[model.Parameters.Count];

    public void Values(ReadOnlySpan<double> parameters, Span<double> values)
    {
        for (var i = 0; i < x.Length; i++)
        {
            values[i] = model.Evaluate(x[i], parameters);
        }
    }

    public void Jacobian(ReadOnlySpan<double> parameters, Span<double> jacobian)
    {
        for (var i = 0; i < x.Length; i++)
        {
            model.Gradient(x[i], parameters, _gradient);
            for (var j = 0; j < _gradient.Length; j++)
            {
                jacobian[(j * x.Length) + i] = _gradient[j];
            }
        }
    }
}
