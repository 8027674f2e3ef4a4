using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>
/// A three-line table (三线表) placed row by row: caption, thick rule, header, thin rule, rows, thick
/// rule. Rows that do not fit go to the next page under the caption with "（续）", a thick rule and
/// the header again.
/// </summary>
internal sealed class TableFlowable : IFlowable
{
    private readonly ReportTable _table;
    private TableGrid? _grid;

    public TableFlowable(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table.Header, nameof(table));
        ArgumentNullException.ThrowIfNull(table.Rows, nameof(table));
        if (table.Header.Count == 0 && table.Rows.All(r => (r?.Count ?? 0) == 0))
        {
            throw new ArgumentException("A report table needs at least one column.", nameof(table));
        }

        _table = table;
    }

    public double SpaceBefore => 10;

    public double SpaceAfter => 10;

    public bool KeepWithNext => false;

    public double LeastHeight(ReportFlow flow)
    {
        var grid = Grid(flow.Texts);
        return HeadHeight(flow.Texts, grid, continued: false) + (grid.Rows.Length == 0 ? 0 : grid.RowHeight(grid.Rows[0])) + ReportStyle.ThickRule;
    }

    public void Place(ReportFlow flow)
    {
        var grid = Grid(flow.Texts);
        var left = ReportStyle.MarginX + ((ReportStyle.TextWidth - grid.Width) / 2);
        var row = 0;
        for (var continued = false; ; continued = true)
        {
            if (continued)
            {
                flow.NewPage();
            }

            var caption = Caption(flow.Texts, continued);
            if (caption is not null)
            {
                flow.Centered(caption, "caption", ReportStyle.Ink);
                flow.Advance(ReportStyle.CaptionGap);
            }

            flow.Rule(left, grid.Width, ReportStyle.ThickRule);
            PlaceRow(flow, grid, grid.Header, left);
            flow.Rule(left, grid.Width, ReportStyle.ThinRule);
            for (var placed = 0; row < grid.Rows.Length && (placed == 0 || grid.RowHeight(grid.Rows[row]) + ReportStyle.ThickRule <= flow.Room); placed++, row++)
            {
                PlaceRow(flow, grid, grid.Rows[row], left);
            }

            flow.Rule(left, grid.Width, ReportStyle.ThickRule);
            if (row >= grid.Rows.Length)
            {
                return;
            }
        }
    }

    private TableGrid Grid(ReportTexts texts) => _grid ??= TableGrid.Fit(_table, texts);

    private double HeadHeight(ReportTexts texts, TableGrid grid, bool continued) =>
        (Caption(texts, continued) is { } caption ? caption.Height + ReportStyle.CaptionGap : 0)
        + ReportStyle.ThickRule + grid.RowHeight(grid.Header) + ReportStyle.ThinRule;

    private TextBlock? Caption(ReportTexts texts, bool continued) =>
        string.IsNullOrWhiteSpace(_table.Caption)
            ? null
            : texts.Get(PangoMarkup.Escape(continued ? _table.Caption + "（续）" : _table.Caption), new TextStyle(ReportStyle.CaptionSize, Bold: true, WrapWidth: ReportStyle.TextWidth, Centered: true));

    /// <summary>One row's cells, each aligned in its column and centred on the row's height; the cursor moves under the row.</summary>
    private static void PlaceRow(ReportFlow flow, TableGrid grid, TextBlock[] cells, double left)
    {
        var height = grid.RowHeight(cells);
        var x = left;
        for (var c = 0; c < cells.Length; c++)
        {
            var cell = cells[c];
            var inner = grid.Widths[c] - (2 * grid.PaddingX);
            var alignment = cells == grid.Header ? ReportAlign.Center : grid.Alignments[c];
            var offset = alignment switch
            {
                ReportAlign.Right => inner - cell.Width,
                ReportAlign.Center => (inner - cell.Width) / 2,
                _ => 0,
            };
            flow.Put(cell, "cell", x + grid.PaddingX + Math.Max(0, offset), ReportStyle.Ink, (height - cell.Height) / 2);
            x += grid.Widths[c];
        }

        flow.Advance(height);
    }
}
