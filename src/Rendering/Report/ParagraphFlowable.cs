using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>
/// Body text wrapped to the text width. When it does not fit the rest of a page it is cut between
/// two lines: the longest head (cut where a line may break) that fits stays, the tail goes on.
/// </summary>
internal sealed class ParagraphFlowable(ReportParagraph paragraph) : IFlowable
{
    private static readonly TextStyle Style = new(ReportStyle.BodySize, WrapWidth: ReportStyle.TextWidth);

    public double SpaceBefore => 5;

    public double SpaceAfter => 5;

    public bool KeepWithNext => false;

    public double LeastHeight(ReportFlow flow)
    {
        var markup = Markup(flow.Texts);
        var block = flow.Texts.Get(markup, Style);
        if (block.LineCount <= 1)
        {
            return block.Height;
        }

        var firstLine = LongestHead(flow.Texts, markup, b => b.LineCount <= 1);
        return firstLine is null ? block.Height : flow.Texts.Get(firstLine.Value.Head, Style).Height;
    }

    public void Place(ReportFlow flow)
    {
        var markup = Markup(flow.Texts);
        while (true)
        {
            var block = flow.Texts.Get(markup, Style);
            if (block.Height <= flow.Room)
            {
                flow.Left(block, "paragraph");
                return;
            }

            var room = flow.Room;
            var cut = LongestHead(flow.Texts, markup, b => b.Height <= room);
            if (cut is null && flow.AtTop)
            {
                // Not even one line fits an empty page (cannot happen at 10 pt): place it whole.
                flow.Left(block, "paragraph");
                return;
            }

            if (cut is not null)
            {
                flow.Left(flow.Texts.Get(cut.Value.Head, Style), "paragraph");
                markup = cut.Value.Tail;
            }

            flow.NewPage();
        }
    }

    /// <summary>The paragraph's markup; invalid markup is escaped so it can be cut (it is shown literally either way).</summary>
    private string Markup(ReportTexts texts)
    {
        var markup = paragraph.Markup ?? "";
        return texts.Get(markup, Style).IsMarkupValid ? markup : PangoMarkup.Escape(markup);
    }

    private static (string Head, string Tail)? LongestHead(ReportTexts texts, string markup, Func<TextBlock, bool> fits) =>
        MarkupBreaks.LongestHead(markup, head =>
        {
            using var probe = texts.Measure(head, Style);
            return fits(probe);
        });
}
