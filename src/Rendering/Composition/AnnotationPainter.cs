using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Composition;

/// <summary>Draws the annotation lines (fit equation, R², result) in a box in a free corner of the plot.</summary>
internal static class AnnotationPainter
{
    public static void Draw(RenderContext context, Chart chart, BoxPlacement placement)
    {
        var style = context.Style;
        var lines = chart.Annotations
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => context.Text(a, new TextStyle(style.AnnotationSize)))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }

        var lineGap = 4 * style.Unit;
        var width = (2 * style.BoxPadding) + lines.Max(l => l.Width);
        var height = (2 * style.BoxPadding * 0.8) + lines.Sum(l => l.Height) + ((lines.Count - 1) * lineGap);
        var box = placement.Place(width, height);
        BoxPainter.Draw(context, box);

        var y = box.Y + (style.BoxPadding * 0.8);
        foreach (var line in lines)
        {
            context.Draw(line, box.X + style.BoxPadding, y, style.Ink);
            y += line.Height + lineGap;
        }
    }
}
