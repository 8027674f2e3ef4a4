namespace LabCharts.Rendering;

/// <summary>A curve y = f(x) (e.g. a fit), sampled across the plot's x range or [From, To].</summary>
public sealed record FunctionSeries : Series
{
    public required Func<double, double> Function { get; init; }

    public double? From { get; init; }

    public double? To { get; init; }
}
