namespace LabCharts.Rendering;

/// <summary>One drawn text: its markup, how many glyphs the bundled fonts lacked, and its box in output pixels.</summary>
public sealed record TextReport(string Markup, int UnknownGlyphs, double X, double Y, double Width, double Height)
{
    /// <summary>False when the markup did not parse and was drawn literally.</summary>
    public bool IsMarkupValid { get; init; } = true;

    /// <summary>The text without markup, as drawn (wrapped lines joined by line breaks).</summary>
    public string Text { get; init; } = "";

    /// <summary>True for text reading upwards (y axis labels); the box is then the rotated one.</summary>
    public bool Rotated { get; init; }
}
