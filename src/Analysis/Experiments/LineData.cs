namespace LabCharts.Analysis;

/// <summary>
/// The straight line an experiment fits, after its transformation of the columns (T² against L,
/// D² against m, ln R against 1/T …): values and standard uncertainties in SI, and the field to
/// blame when x cannot carry a line (and, when y is not finite, <see cref="YField"/>).
/// </summary>
internal sealed record LineData(double[] X, double[] XError, double[] Y, double[] YError, InputField XField)
{
    /// <summary>The column y comes from; null: blame <see cref="XField"/>.</summary>
    public InputField? YField { get; init; }

    /// <summary>Type B of one y value (Δ/√3 of the y column's instrument, in y's unit): 逐差法's u_B of a difference.</summary>
    public double YTypeB { get; init; }

    public IReadOnlyList<ChartPoint> Points => [.. X.Select((x, i) => new ChartPoint(x, Y[i], XError[i], YError[i]))];

    /// <summary>Straight from two columns, without transformation.</summary>
    public static LineData From(MeasuredColumn x, MeasuredColumn y) => new(x.Values, x.Uncertainties, y.Values, y.Uncertainties, x.Field) { YField = y.Field, YTypeB = y.TypeB };

    /// <summary>
    /// Fits the line: weighted (absolute errors) when every y point has σ &gt; 0, else unweighted
    /// with errors scaled from the scatter.
    /// </summary>
    public CurveFit Fit(bool withIntercept = true) =>
        StraightLineFitter.Fit(X, Y, YError.All(u => u > 0) ? YError : null, withIntercept, XField).ToCurveFit();
}
