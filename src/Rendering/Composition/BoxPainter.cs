namespace LabCharts.Rendering.Composition;

/// <summary>The rounded, slightly translucent white box behind the legend and annotations (matplotlib's look).</summary>
internal static class BoxPainter
{
    public static void Draw(RenderContext context, PixelBox box)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        var w = Math.Max(1, Math.Round(style.Unit));
        var (x, y) = (ChartStyle.Snap(box.X, w), ChartStyle.Snap(box.Y, w));
        var (right, bottom) = (ChartStyle.Snap(box.X + box.Width, w), ChartStyle.Snap(box.Y + box.Height, w));
        canvas.RoundedRectangle(x, y, right - x, bottom - y, 4 * style.Unit);
        canvas.SetColor(style.Background, 0.85);
        canvas.FillPreserve();
        canvas.SetColor(style.BoxBorder);
        canvas.SetLineWidth(w);
        canvas.Stroke();
    }
}
