using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>A section heading: 12 pt bold, kept on one page with the start of the next block.</summary>
internal sealed class HeadingFlowable(ReportHeading heading) : IFlowable
{
    public double SpaceBefore => 12;

    public double SpaceAfter => 5;

    public bool KeepWithNext => true;

    public double LeastHeight(ReportFlow flow) => Block(flow.Texts).Height;

    public void Place(ReportFlow flow) => flow.Left(Block(flow.Texts), "heading");

    private TextBlock Block(ReportTexts texts) =>
        texts.Get(PangoMarkup.Escape(heading.Text ?? ""), new TextStyle(ReportStyle.HeadingSize, Bold: true, WrapWidth: ReportStyle.TextWidth));
}
