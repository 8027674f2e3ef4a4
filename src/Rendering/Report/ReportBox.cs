namespace LabCharts.Rendering;

/// <summary>
/// One drawn box of a report in PDF points from the page's top-left corner: a text's logical box,
/// or a chart's box. <paramref name="Page"/> counts from 1. <paramref name="Kind"/> is "title",
/// "subtitle", "heading", "paragraph", "caption", "cell", "chart" or "footer"; <paramref name="Text"/>
/// is the plain text drawn (for a chart, its title).
/// </summary>
public sealed record ReportBox(int Page, string Kind, string Text, double X, double Y, double Width, double Height)
{
    /// <summary>X + Width.</summary>
    public double Right => X + Width;

    /// <summary>Y + Height.</summary>
    public double Bottom => Y + Height;
}
