namespace LabCharts.Rendering.Composition;

/// <summary>An axis-aligned rectangle in output pixels.</summary>
internal readonly record struct PixelBox(double X, double Y, double Width, double Height)
{
    public bool Contains(PixelPoint p, double margin) =>
        p.X >= X - margin && p.X <= X + Width + margin && p.Y >= Y - margin && p.Y <= Y + Height + margin;

    public bool Intersects(PixelBox other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
}
