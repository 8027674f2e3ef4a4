namespace LabCharts.Rendering;

/// <summary>
/// A report drawn by <see cref="ChartRenderer.RenderReport"/> as an A4 PDF: a centred title (and
/// subtitle), then the blocks in order, paginated, with "第 n 页 / 共 N 页" at the foot of every page.
/// The renderer knows no experiments: the caller builds the document.
/// </summary>
public sealed record ReportDocument
{
    /// <summary>Title, plain text (escaped here), 16 pt bold, centred; also the PDF's title metadata.</summary>
    public required string Title { get; init; }

    /// <summary>Optional line under the title, plain text, 10 pt grey.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Headings, paragraphs, tables and charts, top to bottom.</summary>
    public IReadOnlyList<ReportBlock> Blocks { get; init; } = [];
}
