using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>
/// A table measured at the size it fits in: columns at their natural width when the table fits the
/// text width; otherwise the widest columns are capped at one width (their cells wrap, never inside
/// a word) so that the table fits; if even that fails, the font shrinks by half points to 7 pt,
/// where words may break too.
/// </summary>
internal sealed class TableGrid(double size, double[] widths, TextBlock[] header, TextBlock[][] rows, ReportAlign[] alignments)
{
    /// <summary>Space left and right of a cell's text.</summary>
    public double PaddingX { get; } = PaddingFor(size);

    /// <summary>Space above and below a row's tallest cell.</summary>
    public double PaddingY { get; } = size * ReportStyle.CellPaddingY;

    /// <summary>Column widths, padding included.</summary>
    public double[] Widths => widths;

    public TextBlock[] Header => header;

    public TextBlock[][] Rows => rows;

    public ReportAlign[] Alignments => alignments;

    public double Width => Widths.Sum();

    /// <summary>A row's height: its tallest cell and the padding above and below.</summary>
    public double RowHeight(TextBlock[] cells) => cells.Max(c => c.Height) + (2 * PaddingY);

    public static TableGrid Fit(ReportTable table, ReportTexts texts)
    {
        var columns = Math.Max(table.Header.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r?.Count ?? 0));
        string[][] rows = [[.. Cells(table.Header, columns)], .. table.Rows.Select(r => Cells(r ?? [], columns).ToArray())];
        var alignments = Enumerable.Range(0, columns).Select(c => Alignment(table, rows, c, texts)).ToArray();

        for (var size = ReportStyle.TableSize; ; size -= ReportStyle.TableSizeStep)
        {
            var last = size <= ReportStyle.MinTableSize + 1e-9;
            var natural = rows.Select((row, r) => row.Select((cell, c) => texts.Get(cell, Style(size, r, alignments[c], 0))).ToArray()).ToArray();
            var widths = ColumnWidths(rows, natural, size, last, texts);
            if (widths is not null)
            {
                var padding = 2 * PaddingFor(size);
                var blocks = natural.Select((row, r) => row.Select((block, c) => block.Width + padding <= widths[c] + 1e-6 ? block : texts.Get(rows[r][c], Style(size, r, alignments[c], widths[c] - padding))).ToArray()).ToArray();
                return new TableGrid(size, widths, blocks[0], blocks[1..], alignments);
            }
        }
    }

    private static double PaddingFor(double size) => size * ReportStyle.CellPaddingX;

    private static IEnumerable<string> Cells(IReadOnlyList<string> row, int columns) =>
        Enumerable.Range(0, columns).Select(c => c < row.Count ? row[c] ?? "" : "");

    /// <summary>Header cells centred; body cells as given, else numbers right and text left.</summary>
    private static TextStyle Style(double size, int row, ReportAlign alignment, double wrap) =>
        new(size, WrapWidth: wrap, Centered: row == 0 || alignment == ReportAlign.Center);

    private static ReportAlign Alignment(ReportTable table, string[][] rows, int column, ReportTexts texts)
    {
        if (table.Alignments is { } given && column < given.Count)
        {
            return given[column];
        }

        var kinds = rows.Skip(1).Select(row => Kind(texts.Get(row[column], new TextStyle(ReportStyle.TableSize)).PlainText)).ToList();
        return kinds.Contains(CellKind.Number) && !kinds.Contains(CellKind.Text) ? ReportAlign.Right : ReportAlign.Left;
    }

    private enum CellKind
    {
        Blank,
        Number,
        Text,
    }

    /// <summary>A number (digits with signs, decimal point, exponent, ± and ×), a blank or dash (no value), or text.</summary>
    private static CellKind Kind(string text)
    {
        if (text.All(c => char.IsWhiteSpace(c) || "-–—−/".Contains(c, StringComparison.Ordinal)))
        {
            return CellKind.Blank;
        }

        return text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || "+-−–±×·.,eE()%/^⁰¹²³⁴⁵⁶⁷⁸⁹⁻".Contains(c, StringComparison.Ordinal))
            ? CellKind.Number
            : CellKind.Text;
    }

    /// <summary>Column widths (padding included) that fit the text width at this size, or null to try a smaller size.</summary>
    private static double[]? ColumnWidths(string[][] rows, TextBlock[][] natural, double size, bool last, ReportTexts texts)
    {
        var columns = rows[0].Length;
        var padding = 2 * PaddingFor(size);
        var naturalWidths = Enumerable.Range(0, columns).Select(c => natural.Max(row => row[c].Width) + padding).ToArray();
        if (naturalWidths.Sum() <= ReportStyle.TextWidth)
        {
            return naturalWidths;
        }

        var least = Enumerable.Range(0, columns).Select(c => rows.Select((row, r) => LeastWidth(row[c], natural[r][c], size, texts)).Max() + padding).ToArray();
        if (least.Sum() <= ReportStyle.TextWidth)
        {
            return Capped(naturalWidths, least);
        }

        if (!last)
        {
            return null;
        }

        // At the smallest size words break too: a column keeps at least one em.
        var floor = naturalWidths.Select(w => Math.Min(w, size + padding)).ToArray();
        return floor.Sum() <= ReportStyle.TextWidth
            ? Capped(naturalWidths, floor)
            : [.. floor.Select(w => w * ReportStyle.TextWidth / floor.Sum())];
    }

    /// <summary>The widest piece of a cell that cannot break (a word, a number).</summary>
    private static double LeastWidth(string markup, TextBlock natural, double size, ReportTexts texts)
    {
        if (!natural.IsMarkupValid)
        {
            return natural.Width;
        }

        return MarkupBreaks.Pieces(markup).Max(piece =>
        {
            using var probe = texts.Measure(piece, new TextStyle(size));
            return probe.Width;
        });
    }

    /// <summary>Natural widths with the wide ones capped at one width, each kept at its least, summing to the text width.</summary>
    private static double[] Capped(double[] natural, double[] least)
    {
        double Total(double cap) => natural.Select((w, c) => Math.Min(w, Math.Max(least[c], cap))).Sum();
        var (low, high) = (0.0, natural.Max());
        for (var i = 0; i < 60; i++)
        {
            var middle = (low + high) / 2;
            (low, high) = Total(middle) <= ReportStyle.TextWidth ? (middle, high) : (low, middle);
        }

        return [.. natural.Select((w, c) => Math.Min(w, Math.Max(least[c], low)))];
    }
}
