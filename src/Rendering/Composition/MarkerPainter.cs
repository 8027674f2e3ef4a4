using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Composition;

/// <summary>Marker shapes of equal visual weight: paths added to the canvas, then filled or outlined in one go.</summary>
internal static class MarkerPainter
{
    public static bool IsOpen(MarkerShape shape) => shape is MarkerShape.OpenCircle or MarkerShape.OpenSquare;

    /// <summary>Adds the shape's outline centred on (x, y) to the current path.</summary>
    public static void AddPath(CairoCanvas canvas, MarkerShape shape, double x, double y, double radius)
    {
        switch (shape)
        {
            case MarkerShape.Square or MarkerShape.OpenSquare:
                var half = radius * 0.89; // same area as the circle
                canvas.NewSubPath();
                canvas.Rectangle(x - half, y - half, 2 * half, 2 * half);
                break;
            case MarkerShape.Diamond:
                Polygon(canvas, x, y, radius * 1.3, 4, 0);
                break;
            case MarkerShape.TriangleUp:
                Polygon(canvas, x, y + (radius * 0.2), radius * 1.35, 3, 0);
                break;
            case MarkerShape.TriangleDown:
                Polygon(canvas, x, y - (radius * 0.2), radius * 1.35, 3, Math.PI);
                break;
            default:
                canvas.Circle(x, y, radius);
                break;
        }
    }

    /// <summary>Fills (or, for open shapes, strokes) one marker.</summary>
    public static void Draw(RenderContext context, MarkerShape shape, double x, double y, RgbColor color)
    {
        var (canvas, style) = (context.Canvas, context.Style);
        canvas.SetColor(color);
        if (IsOpen(shape))
        {
            AddPath(canvas, shape, x, y, style.MarkerRadius - (style.MarkerOutlineWidth / 2));
            canvas.SetColor(style.Background);
            canvas.FillPreserve();
            canvas.SetColor(color);
            canvas.SetLineWidth(style.MarkerOutlineWidth);
            canvas.Stroke();
        }
        else
        {
            AddPath(canvas, shape, x, y, style.MarkerRadius);
            canvas.Fill();
        }
    }

    private static void Polygon(CairoCanvas canvas, double x, double y, double radius, int corners, double rotation)
    {
        canvas.NewSubPath();
        for (var i = 0; i < corners; i++)
        {
            var angle = rotation + (-Math.PI / 2) + (2 * Math.PI * i / corners);
            var (px, py) = (x + (radius * Math.Cos(angle)), y + (radius * Math.Sin(angle)));
            if (i == 0)
            {
                canvas.MoveTo(px, py);
            }
            else
            {
                canvas.LineTo(px, py);
            }
        }

        canvas.ClosePath();
    }
}
