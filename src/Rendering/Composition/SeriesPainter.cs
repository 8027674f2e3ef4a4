using LabCharts.Rendering.Layout;
using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Draws one panel's series layer by layer (<see cref="SeriesLayer"/>): bands, reference lines, curves
/// and polylines, error bars and markers inside the frame (clipped to it); marks above the frame.
/// </summary>
internal static class SeriesPainter
{
    /// <summary>The clipped layers, under the frame.</summary>
    public static void Draw(RenderContext context, PanelLayout panel)
    {
        var (canvas, plot) = (context.Canvas, panel.Plot);
        canvas.Save();
        canvas.Rectangle(plot.Left, plot.Top, plot.Width, plot.Height);
        canvas.Clip();
        var unused = new List<PixelBox>();
        foreach (var layer in (ReadOnlySpan<SeriesLayer>)[SeriesLayer.Bands, SeriesLayer.ReferenceLines, SeriesLayer.Lines, SeriesLayer.Markers])
        {
            DrawLayer(context, panel, layer, unused);
        }

        canvas.Restore();
    }

    /// <summary>The marks, above the frame; returns their label boxes (the legend keeps off them).</summary>
    public static List<PixelBox> DrawMarks(RenderContext context, PanelLayout panel)
    {
        var labels = new List<PixelBox>();
        DrawLayer(context, panel, SeriesLayer.Marks, labels);
        return labels;
    }

    private static void DrawLayer(RenderContext context, PanelLayout panel, SeriesLayer layer, List<PixelBox> labels)
    {
        for (var i = 0; i < panel.Plottables.Count; i++)
        {
            if (panel.Plottables[i].Layer == layer)
            {
                panel.Plottables[i].Draw(context, panel.Plot, panel.Looks[i], labels);
            }
        }
    }
}
