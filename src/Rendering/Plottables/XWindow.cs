namespace LabCharts.Rendering.Plottables;

/// <summary>The x interval over which curves count towards a y range, and the x axis' scale.</summary>
internal readonly record struct XWindow(double Min, double Max, AxisScale Scale);
