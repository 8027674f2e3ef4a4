using LabCharts.Analysis;
using LabCharts.Rendering;

namespace LabCharts.Jobs.Processing;

/// <summary>
/// Turns an analysis' chart data into the chart engine's model: the one place the two meet (issue 4).
/// The worker's chart per experiment: the measured points with x and y error bars, the fitted curve,
/// the equation and results as annotations, and under it a residual panel (point − fit, with the
/// points' y uncertainties and a zero line) sharing the x axis.
/// </summary>
public static class ChartComposer
{
    /// <summary>Residuals need a few points to say anything; below this the panel is left out.</summary>
    public const int MinPointsForResiduals = 3;

    /// <summary>The theme of a validated request's <c>render.theme</c> ("default" or "bw").</summary>
    public static ChartTheme Theme(string? name) => ChartTheme.FromName(name);

    public static Chart Compose(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var points = data.Points.Select(p => new DataPoint(p.X, p.Y, p.XError, p.YError)).ToArray();
        return new Chart
        {
            Title = PangoMarkup.Escape(data.Title),
            X = new Axis { Label = data.XLabel },
            Y = new Axis { Label = data.YLabel },
            Series =
            [
                new ScatterSeries { Label = PangoMarkup.Escape(data.PointsLabel), Points = points },
                new FunctionSeries { Label = PangoMarkup.Escape(data.CurveLabel), Function = data.Curve },
            ],
            Annotations = data.Annotations,
            Panels = Residuals(data, points),
        };
    }

    /// <summary>The residual panel: y − f(x) per point, its y error bar, and the zero line; labelled "残差" in the y axis' unit.</summary>
    private static Panel[] Residuals(ChartData data, DataPoint[] points)
    {
        var residuals = points
            .Select(p => p with { XError = 0, Y = p.Y - Evaluate(data.Curve, p.X) })
            .Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y))
            .ToArray();
        if (residuals.Length < MinPointsForResiduals)
        {
            return [];
        }

        return
        [
            new Panel
            {
                Y = new Axis { Label = "残差" + UnitOf(data.YLabel) },
                Series = [new ReferenceLine { Value = 0 }, new ScatterSeries { Points = residuals }],
            },
        ];
    }

    /// <summary>" / unit" of a "quantity / unit" label (residuals share the unit), or nothing.</summary>
    private static string UnitOf(string label)
    {
        var slash = label.LastIndexOf(" / ", StringComparison.Ordinal);
        return slash < 0 ? "" : label[slash..];
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
