using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Paints a whole chart as an ordered list of steps sharing one <see cref="RenderContext"/>: background,
/// layout, per panel grid, series, frame and marks, then axis labels, legend and annotations.
/// </summary>
internal static class ChartPainter
{
    /// <summary>Paints the chart; returns the panels' frames, main first.</summary>
    public static IReadOnlyList<PlotArea> Paint(RenderContext context, Chart chart)
    {
        var canvas = context.Canvas;
        canvas.SetColor(context.Style.Background);
        canvas.Paint();

        var layout = ChartLayout.Compute(context, chart);
        var markLabels = new List<PixelBox>();
        foreach (var panel in layout.Panels)
        {
            if (chart.Grid)
            {
                AxesPainter.DrawGrid(context, layout, panel);
            }

            SeriesPainter.Draw(context, panel);
            AxesPainter.DrawFrame(context, layout, panel);
            var boxes = SeriesPainter.DrawMarks(context, panel);
            if (panel.IsMain)
            {
                markLabels.AddRange(boxes);
            }
        }

        AxesPainter.DrawLabels(context, layout);

        var placement = new BoxPlacement(layout.Main, context.Style, markLabels);
        LegendPainter.Draw(context, layout.Main, placement);
        AnnotationPainter.Draw(context, chart, placement);

        canvas.CheckStatus();
        return [.. layout.Panels.Select(p => p.Plot)];
    }
}
