namespace LabCharts.Rendering.Plottables;

/// <summary>
/// A drawn pixel a box would hide, and how much that matters: markers and error bars most, curves
/// less, a band's edges least.
/// </summary>
internal readonly record struct Obstacle(PixelPoint Point, double Weight)
{
    public const double MarkerWeight = 6;
    public const double CurveWeight = 1;
    public const double BandWeight = 0.3;

    public static IEnumerable<Obstacle> All(IEnumerable<PixelPoint> points, double weight) => points.Select(p => new Obstacle(p, weight));
}
