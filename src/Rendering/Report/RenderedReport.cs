namespace LabCharts.Rendering;

/// <summary>A rendered report: the PDF file, its page count and every box drawn.</summary>
#pragma warning disable CA1819 // the encoded file is handed on as-is; copying it would only cost
public sealed record RenderedReport(byte[] Bytes, int Pages, IReadOnlyList<ReportBox> Boxes)
#pragma warning restore CA1819
{
    /// <summary>Always application/pdf.</summary>
    public string ContentType { get; } = "application/pdf";

    /// <summary>Page width in PDF points (A4).</summary>
    public const double PageWidth = Report.ReportStyle.PageWidth;

    /// <summary>Page height in PDF points (A4).</summary>
    public const double PageHeight = Report.ReportStyle.PageHeight;

    /// <summary>Glyphs the bundled fonts lacked, over all the report's text and charts (0: everything was covered).</summary>
    public int UnknownGlyphs { get; init; }
}
