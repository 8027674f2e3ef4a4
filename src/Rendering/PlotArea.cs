namespace LabCharts.Rendering;

/// <summary>The plot frame in output pixels and the data ranges it shows; maps data to pixels.</summary>
public sealed record PlotArea(double Left, double Top, double Width, double Height, double XMin, double XMax, double YMin, double YMax)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>Pixel position of a data point (y grows upwards in data, downwards in pixels).</summary>
    public PixelPoint ToPixel(double x, double y) =>
        new(Left + ((x - XMin) / (XMax - XMin) * Width), Bottom - ((y - YMin) / (YMax - YMin) * Height));

    /// <summary>Data coordinates of a pixel position.</summary>
    public (double X, double Y) ToData(PixelPoint pixel) =>
        (XMin + ((pixel.X - Left) / Width * (XMax - XMin)), YMin + ((Bottom - pixel.Y) / Height * (YMax - YMin)));

    /// <summary>True when the pixel lies inside the frame.</summary>
    public bool Contains(PixelPoint pixel) =>
        pixel.X >= Left && pixel.X <= Right && pixel.Y >= Top && pixel.Y <= Bottom;
}
