using System.Globalization;
using LabCharts.Analysis;
using LabCharts.Rendering;

namespace LabCharts.Processing;

/// <summary>
/// Turns an analysis' chart data into the chart engine's model: the one place the two meet (issue 4).
/// The worker's chart per experiment: the measured points with x and y error bars (or a line through
/// a dense record such as Franck–Hertz's I–U curve), the fitted curve with its 95 % confidence band,
/// marked points (peaks), the equation and results as annotations, log axes where the analysis asks,
/// and under it a residual panel (point − fit, with the points' y uncertainties and a zero line).
/// </summary>
public static class AnalysisChartMapper
{
    /// <summary>Name of the main chart's artifacts (chart.png, chart.svg …).</summary>
    public const string MainName = "chart";

    /// <summary>Name of the artifacts of <see cref="ChartData.Secondary"/> (Franck–Hertz: peak positions against peak number).</summary>
    public const string SecondaryName = "secondary";

    /// <summary>Residuals need a few points to say anything; below this the panel is left out.</summary>
    public const int MinPointsForResiduals = 3;

    /// <summary>A chart to render and the artifact name it is stored under.</summary>
    public sealed record NamedChart(string Name, Chart Chart);

    /// <summary>The main chart and, when the analysis has one, its secondary chart.</summary>
    public static IReadOnlyList<NamedChart> ComposeAll(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Secondary is { } secondary
            ? [new NamedChart(MainName, Compose(data)), new NamedChart(SecondaryName, Compose(secondary))]
            : [new NamedChart(MainName, Compose(data))];
    }

    public static Chart Compose(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var points = data.Points.ToArray();
        var series = new List<Series>();
        if (data.CurveIsFit && data.ConfidenceBand is { } band)
        {
            series.Add(new BandSeries
            {
                Label = "95% 置信带",
                Lower = x => data.Curve(x) - band(x),
                Upper = x => data.Curve(x) + band(x),
            });
        }

        if (data.ConnectPoints)
        {
            // A dense record (Franck–Hertz I–U): one line through the points, which the curve only repeats.
            series.Add(new LineSeries { Label = PangoMarkup.Escape(data.CurveLabel), Points = [.. points.Select(p => p with { XError = 0, YError = 0 })] });
        }
        else
        {
            var flagged = data.FlaggedPoints.ToHashSet();
            series.Add(new ScatterSeries { Label = PangoMarkup.Escape(data.PointsLabel), Points = [.. points.Where(p => !flagged.Contains(p))] });
            series.Add(new FunctionSeries { Label = PangoMarkup.Escape(data.CurveLabel), Function = data.Curve });
        }

        if (data.FlaggedPoints.Count > 0)
        {
            // Points the fit doubts (|standardized residual| > 3) drawn hollow: they stay in the fit.
            series.Add(new ScatterSeries { Label = "可疑点（|标准化残差| > 3）", Points = data.FlaggedPoints, Marker = MarkerShape.OpenCircle });
        }

        if (data.MarkedPoints.Count > 0)
        {
            var unit = UnitOf(data.XLabel);
            series.Add(new MarkedPointSeries
            {
                Label = PangoMarkup.Escape(data.MarkedPointsLabel),
                Points = [.. data.MarkedPoints.Select((p, i) => new MarkedPoint(p.X, p.Y, i < data.MarkedPointTexts.Count
                    ? PangoMarkup.Escape(data.MarkedPointTexts[i])
                    : string.Create(CultureInfo.InvariantCulture, $"{p.X:0.###}{unit}")))],
            });
        }

        return new Chart
        {
            Title = PangoMarkup.Escape(data.Title),
            X = new Axis { Label = data.XLabel, Scale = data.XScale },
            Y = new Axis { Label = data.YLabel, Scale = data.YScale },
            Series = series,
            Annotations = data.Annotations,
            Panels = data.CurveIsFit && !data.ConnectPoints ? Residuals(data, points) : [],
        };
    }

    /// <summary>The residual panel: y − f(x) per point, its y error bar, and the zero line; labelled "残差" in the y axis' unit.</summary>
    private static Panel[] Residuals(ChartData data, ChartPoint[] points)
    {
        var residuals = points
            .Select(p => p with { XError = 0, Y = p.Y - Evaluate(data.Curve, p.X) })
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToArray();
        if (residuals.Length < MinPointsForResiduals || data.YScale == AxisScale.Log)
        {
            // On a log y axis the fit is judged by ratios, not differences: no linear residual panel.
            return [];
        }

        return
        [
            new Panel
            {
                Y = new Axis { Label = "残差" + UnitOf(data.YLabel, separator: true) },
                Series = [new ReferenceLine { Value = 0 }, new ScatterSeries { Points = residuals }],
            },
        ];
    }

    /// <summary>The unit of a "quantity / unit" label: " V" (or " / V" with the separator), or nothing.</summary>
    private static string UnitOf(string label, bool separator = false)
    {
        var slash = label.LastIndexOf(" / ", StringComparison.Ordinal);
        return slash < 0 ? "" : separator ? label[slash..] : " " + label[(slash + 3)..];
    }

    private static double Evaluate(Func<double, double> curve, double x)
    {
        try
        {
            return curve(x);
        }
#pragma warning disable CA1031 // a fit curve undefined at a point just leaves that residual out
        catch (Exception)
#pragma warning restore CA1031
        {
            return double.NaN;
        }
    }
}
