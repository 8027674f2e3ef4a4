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
}
