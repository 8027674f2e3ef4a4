using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>The document's title (16 pt bold) and subtitle (10 pt grey), centred at the top of the first page.</summary>
internal sealed class TitleFlowable(string? title, string? subtitle) : IFlowable
{
    public double SpaceBefore => 0;

    public double SpaceAfter => 16;

    public bool KeepWithNext => false;

    /// <summary>True when there is neither a title nor a subtitle to place.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(subtitle);

    public double LeastHeight(ReportFlow flow)
    {
        var blocks = Blocks(flow.Texts);
        return blocks.Sum(b => b.Block.Height) + (ReportStyle.TitleGap * Math.Max(0, blocks.Count - 1));
    }

    public void Place(ReportFlow flow)
    {
        foreach (var (block, kind, color) in Blocks(flow.Texts))
        {
            if (kind == "subtitle" && !flow.AtTop)
            {
                flow.Advance(ReportStyle.TitleGap);
            }

            flow.Centered(block, kind, color);
        }
    }

    private List<(TextBlock Block, string Kind, RgbColor Color)> Blocks(ReportTexts texts)
    {
        var blocks = new List<(TextBlock, string, RgbColor)>();
        if (!string.IsNullOrWhiteSpace(title))
        {
            blocks.Add((texts.Get(PangoMarkup.Escape(title), new TextStyle(ReportStyle.TitleSize, Bold: true, WrapWidth: ReportStyle.TextWidth, Centered: true)), "title", ReportStyle.Ink));
        }

        if (!string.IsNullOrWhiteSpace(subtitle))
        {
            blocks.Add((texts.Get(PangoMarkup.Escape(subtitle), new TextStyle(ReportStyle.SubtitleSize, WrapWidth: ReportStyle.TextWidth, Centered: true)), "subtitle", ReportStyle.Grey));
        }

        return blocks;
    }
}
