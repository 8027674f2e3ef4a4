namespace LabCharts.Analysis;

/// <summary>y = k·x + c (parameters k, c) or y = k·x through the origin (parameter k).</summary>
internal sealed class LineModel(bool withIntercept) : IFitModel
{
    public IReadOnlyList<string> Parameters { get; } = withIntercept ? ["k", "c"] : ["k"];

    public double Evaluate(double x, ReadOnlySpan<double> parameters) =>
        (parameters[0] * x) + (parameters.Length > 1 ? parameters[1] : 0);

    public void Gradient(double x, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        gradient[0] = x;
        if (gradient.Length > 1)
        {
            gradient[1] = 1;
        }
    }
}
