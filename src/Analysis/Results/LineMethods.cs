namespace LabCharts.Analysis;

/// <summary>
/// The 逐差法 working: the step h of x, the pairs (i, i + m) with m = n/2 and their differences
/// δ_i = y_{i+m} − y_i, the mean δ̄, the differences' standard deviation s_δ, type A (s_δ/√m, or with the
/// t factor), type B of y (Δ/√3 of the y column's instrument error), u(δ̄) = √(u_A² + u_B²), and the
/// slope k = δ̄/(m·h) with u(k) = u(δ̄)/(m·h). Values in the fitted line's SI units.
/// </summary>
public sealed record SuccessiveDifferences(
    double Step,
    IReadOnlyList<DifferencePair> Pairs,
    double Mean,
    double StandardDeviation,
    double TypeA,
    double TypeB,
    double Combined,
    double Slope,
    double SlopeUncertainty);

/// <summary>A pair of points (1-based numbers as a lab report writes them) and y_later − y_earlier.</summary>
public sealed record DifferencePair(int First, int Second, double Difference);

/// <summary>One line method's answer when both were asked for (<c>"compare": true</c>).</summary>
public sealed record MethodComparison(string Method, FitParameter Slope, IReadOnlyList<DerivedQuantity> Quantities);
