namespace LabCharts.Analysis;

/// <summary>
/// What the worker needs to draw the chart. Not serialized. Labels and annotations are Pango
/// markup in which every piece of user-typed text has been escaped; the title is plain text.
/// </summary>
public sealed record ChartData
{
    /// <summary>Plain-text title: the request's title or the experiment's Chinese name.</summary>
    public required string Title { get; init; }

    /// <summary>Pango markup, e.g. <c>摆长 &lt;i&gt;L&lt;/i&gt; / m</c>.</summary>
    public required string XLabel { get; init; }

    /// <summary>Pango markup, e.g. <c>&lt;i&gt;T&lt;/i&gt;&lt;sup&gt;2&lt;/sup&gt; / s&lt;sup&gt;2&lt;/sup&gt;</c>.</summary>
    public required string YLabel { get; init; }

    /// <summary>The measured points with error bars.</summary>
    public required IReadOnlyList<ChartPoint> Points { get; init; }

    /// <summary>The fitted curve y(x), in the axes' units.</summary>
    public required Func<double, double> Curve { get; init; }

    /// <summary>Legend text of the points (plain text).</summary>
    public string PointsLabel { get; init; } = "测量值";

    /// <summary>Legend text of the curve (plain text).</summary>
    public string CurveLabel { get; init; } = "拟合直线";

    /// <summary>Markup lines: the equation with fitted numbers, R², the results.</summary>
    public required IReadOnlyList<string> Annotations { get; init; }

    /// <summary>
    /// Half-width of the 95 % confidence band of the fitted curve at x (delta method), in y units;
    /// draw Curve(x) ± band. Null when the chart has no fitted curve with a covariance.
    /// </summary>
    public Func<double, double>? ConfidenceBand { get; init; }

    /// <summary>Half-width of the 95 % prediction band (where one new measurement would fall) at x; null when none.</summary>
    public Func<double, double>? PredictionBand { get; init; }

    /// <summary>
    /// Points to mark on top of the data (Franck–Hertz: the peaks found in I(U)), drawn with a
    /// distinct marker and <see cref="MarkedPointsLabel"/> in the legend. Empty when none.
    /// </summary>
    public IReadOnlyList<ChartPoint> MarkedPoints { get; init; } = [];

    /// <summary>Labels of <see cref="MarkedPoints"/> (plain text), one per point; empty: each point's x value.</summary>
    public IReadOnlyList<string> MarkedPointTexts { get; init; } = [];

    /// <summary>
    /// Points of <see cref="Points"/> whose standardized residual exceeds 3: drawn again hollow with a
    /// legend entry, so the student sees which points the fit doubts (they stay in the fit).
    /// </summary>
    public IReadOnlyList<ChartPoint> FlaggedPoints { get; init; } = [];

    /// <summary>Legend text of <see cref="MarkedPoints"/> (plain text).</summary>
    public string MarkedPointsLabel { get; init; } = "峰位";

    /// <summary>True when the points are a dense curve to be joined by a line (Franck–Hertz I–U) rather than scattered.</summary>
    public bool ConnectPoints { get; init; }

    /// <summary>True when <see cref="Curve"/> is the fitted model; false when it only joins the data (no bands then).</summary>
    public bool CurveIsFit { get; init; } = true;

    /// <summary>Scale of the x axis.</summary>
    public AxisScale XScale { get; init; } = AxisScale.Linear;

    /// <summary>Scale of the y axis (the diode's current may be drawn on a log axis).</summary>
    public AxisScale YScale { get; init; } = AxisScale.Linear;

    /// <summary>
    /// A second chart the physics calls for, drawn below or beside this one: Franck–Hertz's
    /// peak positions U_peak against the peak number i with the fitted line. Null when none.
    /// </summary>
    public ChartData? Secondary { get; init; }
}
