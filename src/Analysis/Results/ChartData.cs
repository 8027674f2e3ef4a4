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
}
