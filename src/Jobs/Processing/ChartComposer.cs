using LabCharts.Analysis;
using LabCharts.Rendering;

namespace LabCharts.Jobs.Processing;

/// <summary>Turns an analysis' chart data into the chart engine's model: the one place the two meet.</summary>
public static class ChartComposer
{
    /// <summary>Data with error bars, the fitted curve, and the equation and result as annotations.</summary>
    public static Chart Compose(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Chart
        {
            Title = Rendering.PangoMarkup.Escape(data.Title),
            X = new Axis { Label = data.XLabel },
            Y = new Axis { Label = data.YLabel },
            Series =
            [
                new ScatterSeries
                {
                    Label = data.PointsLabel,
                    Points = [.. data.Points.Select(p => new DataPoint(p.X, p.Y, p.XError, p.YError))],
                },
                new FunctionSeries { Label = data.CurveLabel, Function = data.Curve },
            ],
            Annotations = data.Annotations,
        };
    }
}
