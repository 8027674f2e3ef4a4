using LabCharts.Rendering.Composition;

namespace LabCharts.Rendering.Plottables;

/// <summary>
/// How one series takes part in a render (ScottPlot's <c>IPlottable</c>): its look, the data range it
/// needs, what a box placed over it would hide, how it draws itself and its legend sample. A new kind
/// of series is one <see cref="Series"/> record and one plottable; no painter switches on the kind.
/// </summary>
internal interface IPlottable
{
    /// <summary>The drawing pass: bands under everything, markers above lines, marks above the frame.</summary>
    SeriesLayer Layer { get; }

    /// <summary>True for a fitted curve (a band without a colour takes its nearest curve's).</summary>
    bool IsCurve { get; }

    /// <summary>Colour, marker and dash, the theme filling in what the series did not choose.</summary>
    SeriesLook Look(LookSlots slots);

    /// <summary>Adds the x values that must be visible (data with error bars, a curve's fixed ends).</summary>
    void IncludeX(DataExtent x);

    /// <summary>Adds the y values that must be visible within the x window (curves sampled there).</summary>
    void IncludeY(DataExtent y, XWindow window);

    /// <summary>What a legend or annotation box over the plot would hide, weighted.</summary>
    IEnumerable<Obstacle> Obstacles(PlotArea plot, double spacing);

    /// <summary>Draws the series in its layer; marks add their label boxes to <paramref name="labels"/>.</summary>
    void Draw(RenderContext context, PlotArea plot, SeriesLook look, List<PixelBox> labels);

    /// <summary>Draws the legend's sample of the series in the given cell.</summary>
    void DrawLegendSample(RenderContext context, SeriesLook look, LegendCell cell);
}
