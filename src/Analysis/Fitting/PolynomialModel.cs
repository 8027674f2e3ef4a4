namespace LabCharts.Analysis;

/// <summary>y = c₀ + c₁x + … + c_d·x^d (without c₀ when there is no intercept), parameters named c0…cd or k for a line.</summary>
internal sealed class PolynomialModel : IFitModel
{
    public PolynomialModel(int degree, bool withIntercept, IReadOnlyList<string>? names = null)
    {
        Degree = degree;
        WithIntercept = withIntercept;
        Parameters = names ?? [.. Enumerable.Range(withIntercept ? 0 : 1, degree + (withIntercept ? 1 : 0)).Select(i => $"c{i}")];
    }

    public int Degree { get; }

    public bool WithIntercept { get; }

    public IReadOnlyList<string> Parameters { get; }

    private int FirstPower => WithIntercept ? 0 : 1;

    public double Evaluate(double x, ReadOnlySpan<double> parameters)
    {
        // Horner from the highest power down.
        var sum = 0.0;
        for (var j = parameters.Length - 1; j >= 0; j--)
        {
            sum = (sum * x) + parameters[j];
        }

        return WithIntercept ? sum : sum * x;
    }

    public void Gradient(double x, ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var power = FirstPower == 0 ? 1.0 : x;
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] = power;
            power *= x;
        }
    }
}
