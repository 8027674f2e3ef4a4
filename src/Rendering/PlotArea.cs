namespace LabCharts.Rendering;

/// <summary>The plot frame of one panel in output pixels and the data ranges it shows; maps data to pixels.</summary>
public sealed record PlotArea(double Left, double Top, double Width, double Height, double XMin, double XMax, double YMin, double YMax)
{
    public AxisScale XScale { get; init; } = AxisScale.Linear;

    public AxisScale YScale { get; init; } = AxisScale.Linear;

    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>Pixel position of a data point (y grows upwards in data, downwards in pixels); NaN for values ≤ 0 on a log axis.</summary>
    public PixelPoint ToPixel(double x, double y) => new(PixelX(x), PixelY(y));

    /// <summary>Pixel column of an x value.</summary>
    public double PixelX(double x) => Left + (Fraction(x, XMin, XMax, XScale) * Width);

    /// <summary>Pixel row of a y value.</summary>
    public double PixelY(double y) => Bottom - (Fraction(y, YMin, YMax, YScale) * Height);

    /// <summary>Data coordinates of a pixel position.</summary>
    public (double X, double Y) ToData(PixelPoint pixel) =>
        (Value((pixel.X - Left) / Width, XMin, XMax, XScale), Value((Bottom - pixel.Y) / Height, YMin, YMax, YScale));

    /// <summary>True when the pixel lies inside the frame.</summary>
    public bool Contains(PixelPoint pixel) =>
        pixel.X >= Left && pixel.X <= Right && pixel.Y >= Top && pixel.Y <= Bottom;

    private static double Fraction(double value, double min, double max, AxisScale scale) => scale == AxisScale.Log
        ? value > 0 ? Math.Log10(value / min) / Math.Log10(max / min) : double.NaN
        : (value - min) / (max - min);

    private static double Value(double fraction, double min, double max, AxisScale scale) => scale == AxisScale.Log
        ? min * Math.Pow(max / min, fraction)
        : min + (fraction * (max - min));
}
