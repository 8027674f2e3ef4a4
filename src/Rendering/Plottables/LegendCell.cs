namespace LabCharts.Rendering.Plottables;

/// <summary>Where a legend row's sample goes: its left edge and width, the row's middle and height (pixels).</summary>
internal readonly record struct LegendCell(double Left, double Width, double Middle, double RowHeight)
{
    public double CentreX => Left + (Width / 2);
}
