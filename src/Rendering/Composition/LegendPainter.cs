using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Composition;

/// <summary>Draws the legend: one row per labelled series, a sample of its mark and its label.</summary>
internal static class LegendPainter
{
    public static void Draw(RenderContext context, Chart chart, BoxPlacement placement)
    {
        var style = context.Style;
        var entries = chart.Series
            .Select((series, index) => (series, index))
            .Where(e => !string.IsNullOrWhiteSpace(e.series.Label))
            .Select(e => (e.series, color: SeriesPainter.ColorOf(e.series, e.index), text: context.Text(e.series.Label!, new TextStyle(style.LegendSize))))
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
        foreach (var (series, color, text) in entries)
        {
            var middle = y + (rowHeight / 2);
            var sampleLeft = box.X + style.BoxPadding;
            var centreX = sampleLeft + (sampleWidth / 2);
            var canvas = context.Canvas;
            if (series is ScatterSeries)
            {
                canvas.SetColor(color);
                canvas.SetLineWidth(style.ErrorBarWidth);
                var half = style.MarkerRadius + style.CapHalfWidth;
                canvas.MoveTo(centreX, middle - half);
                canvas.LineTo(centreX, middle + half);
                canvas.MoveTo(centreX - style.CapHalfWidth, middle - half);
                canvas.LineTo(centreX + style.CapHalfWidth, middle - half);
                canvas.MoveTo(centreX - style.CapHalfWidth, middle + half);
                canvas.LineTo(centreX + style.CapHalfWidth, middle + half);
                canvas.Stroke();
                SeriesPainter.DrawMarker(context, centreX, middle, color);
            }
            else
            {
                canvas.SetColor(color);
                canvas.SetLineWidth(series is FunctionSeries ? style.CurveWidth : style.PolylineWidth);
                canvas.MoveTo(sampleLeft, middle);
                canvas.LineTo(sampleLeft + sampleWidth, middle);
                canvas.Stroke();
            }

            context.Draw(text, sampleLeft + sampleWidth + gap, middle - (text.Height / 2), ChartStyle.Ink);
            y += rowHeight + rowGap;
        }
    }
}
