namespace LabCharts.Rendering.Composition;

/// <summary>Draws a whole chart as an ordered list of steps sharing one <see cref="RenderContext"/>.</summary>
internal static class ChartComposer
{
    public static PlotArea Compose(RenderContext context, Chart chart)
    {
        var canvas = context.Canvas;
        canvas.SetColor(ChartStyle.Background);
        canvas.Paint();

        var layout = ChartLayout.Compute(context, chart);
        AxesPainter.DrawGrid(context, layout);
        SeriesPainter.Draw(context, chart, layout.Plot);
        AxesPainter.DrawFrame(context, layout);
        AxesPainter.DrawLabels(context, layout);

        var placement = new BoxPlacement(chart, layout.Plot, context.Style);
        LegendPainter.Draw(context, chart, placement);
        AnnotationPainter.Draw(context, chart, placement);

        canvas.CheckStatus();
        return layout.Plot;
    }
}
