using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Layout;
using LabCharts.Rendering.Plottables;

namespace LabCharts.Rendering.Composition;

/// <summary>Draws the legend of the main panel: one row per labelled series, a sample of its mark and its label.</summary>
internal static class LegendPainter
{
    public static void Draw(RenderContext context, PanelLayout panel, BoxPlacement placement)
    {
        var style = context.Style;
        var entries = panel.Series
            .Select((series, index) => (series.Label, plottable: panel.Plottables[index], look: panel.Looks[index]))
            .Where(e => !string.IsNullOrWhiteSpace(e.Label))
            .Select(e => (e.plottable, e.look, text: context.Text(e.Label!, new TextStyle(style.LegendSize))))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var sampleWidth = 32 * style.Unit;
        var gap = 8 * style.Unit;
        var rowGap = 4 * style.Unit;
        var rowHeight = Math.Max(entries.Max(e => e.text.Height), 2 * (style.MarkerRadius + style.CapHalfWidth));
        var width = (2 * style.BoxPadding) + sampleWidth + gap + entries.Max(e => e.text.Width);
        var height = (2 * style.BoxPadding * 0.8) + (entries.Count * rowHeight) + ((entries.Count - 1) * rowGap);
        var box = placement.Place(width, height);
        BoxPainter.Draw(context, box);

        var y = box.Y + (style.BoxPadding * 0.8);
        foreach (var (plottable, look, text) in entries)
        {
            var middle = y + (rowHeight / 2);
            var sampleLeft = box.X + style.BoxPadding;
            plottable.DrawLegendSample(context, look, new LegendCell(sampleLeft, sampleWidth, middle, rowHeight));
            context.Draw(text, sampleLeft + sampleWidth + gap, middle - (text.Height / 2), style.Ink);
            y += rowHeight + rowGap;
        }
    }
}
