using LabCharts.Rendering.Interop;
using LabCharts.Rendering.Layout;

namespace LabCharts.Rendering.Composition;

/// <summary>Draws the legend of the main panel: one row per labelled series, a sample of its mark and its label.</summary>
internal static class LegendPainter
{
    public static void Draw(RenderContext context, PanelLayout panel, BoxPlacement placement)
    {
        var style = context.Style;
        var entries = panel.Series
            .Select((series, index) => (series, look: panel.Looks[index]))
            .Where(e => !string.IsNullOrWhiteSpace(e.series.Label))
            .Select(e => (e.series, e.look, text: context.Text(e.series.Label!, new TextStyle(style.LegendSize))))
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
        foreach (var (series, look, text) in entries)
        {
            var middle = y + (rowHeight / 2);
            var sampleLeft = box.X + style.BoxPadding;
            DrawSample(context, series, look, sampleLeft, sampleWidth, middle, rowHeight);
            context.Draw(text, sampleLeft + sampleWidth + gap, middle - (text.Height / 2), style.Ink);
            y += rowHeight + rowGap;
        }
    }

    private static void DrawSample(RenderContext context, Series series, SeriesLook look, double left, double width, double middle, double rowHeight)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        var centreX = left + (width / 2);
        switch (series)
        {
            case ScatterSeries:
                canvas.SetRoundLines(false);
                canvas.SetColor(look.Color);
                canvas.SetLineWidth(style.ErrorBarWidth);
                var half = style.MarkerRadius + style.CapHalfWidth;
                canvas.MoveTo(centreX, middle - half);
                canvas.LineTo(centreX, middle + half);
                canvas.MoveTo(centreX - style.CapHalfWidth, middle - half);
                canvas.LineTo(centreX + style.CapHalfWidth, middle - half);
                canvas.MoveTo(centreX - style.CapHalfWidth, middle + half);
                canvas.LineTo(centreX + style.CapHalfWidth, middle + half);
                canvas.Stroke();
                MarkerPainter.Draw(context, look.Marker, centreX, middle, look.Color);
                break;
            case BandSeries band:
                canvas.Rectangle(left, middle - (rowHeight * 0.35), width, rowHeight * 0.7);
                canvas.SetColor(look.Color, Math.Clamp(band.Opacity, 0, 1));
                canvas.Fill();
                break;
            case MarkedPointSeries:
                canvas.SetColor(look.Color);
                canvas.SetLineWidth(style.MarkerOutlineWidth);
                canvas.Circle(centreX, middle, style.MarkerRadius * 1.7);
                canvas.Stroke();
                break;
            default:
                var lineWidth = series switch
                {
                    FunctionSeries => style.CurveWidth,
                    ReferenceLine => style.ReferenceWidth,
                    _ => style.PolylineWidth,
                };
                SeriesPainter.SetStroke(context, look.Color, lineWidth, look.Dash);
                canvas.MoveTo(left, middle);
                canvas.LineTo(left + width, middle);
                canvas.Stroke();
                canvas.SetDash([]);
                break;
        }
    }
}
