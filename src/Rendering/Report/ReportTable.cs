using LabCharts.Rendering.Report;

namespace LabCharts.Rendering;

/// <summary>
/// A three-line table (三线表): thick rule above, thin rule under the header, thick rule below, no
/// vertical lines; 9 pt. Columns take their natural width; when the table is wider than the text,
/// wide columns wrap, then the font shrinks (to 7 pt). Rows split across pages: the continuation
/// repeats the header under the caption suffixed "（续）".
/// </summary>
public sealed record ReportTable : ReportBlock
{
    /// <summary>Caption above the table (e.g. "表 1 摆长与周期"), plain text.</summary>
    public string? Caption { get; init; }

    /// <summary>Column headers, Pango markup.</summary>
    public required IReadOnlyList<string> Header { get; init; }

    /// <summary>Cells row by row, Pango markup; short rows are padded with empty cells.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>Alignment per column; null (or a missing entry): numbers right, other text left.</summary>
    public IReadOnlyList<ReportAlign>? Alignments { get; init; }

    internal override IFlowable ToFlowable() => new TableFlowable(this);
}
