namespace LabCharts.Rendering.Report;

/// <summary>
/// The layout pass: places the title and every block on pages (a block whose least part does not fit
/// starts a new page; a heading needs room for the start of what follows it too), then the footers,
/// which need the page count. Nothing is drawn here.
/// </summary>
internal static class ReportLayout
{
    public static IReadOnlyList<ReportPage> Lay(ReportDocument document, ReportTexts texts)
    {
        var title = new TitleFlowable(document.Title, document.Subtitle);
        var blocks = document.Blocks.Select(b => b.ToFlowable());
        IFlowable[] flowables = title.IsEmpty ? [.. blocks] : [title, .. blocks];
        var flow = new ReportFlow(texts);

        // The room each block needs to start: its least part, and for a heading that of the next block too.
        var needs = new double[flowables.Length];
        for (var i = flowables.Length - 1; i >= 0; i--)
        {
            needs[i] = flowables[i].LeastHeight(flow);
            if (flowables[i].KeepWithNext && i + 1 < flowables.Length)
            {
                needs[i] += Gap(flowables[i], flowables[i + 1]) + needs[i + 1];
            }
        }

        for (var i = 0; i < flowables.Length; i++)
        {
            flow.Start(i == 0 ? 0 : Gap(flowables[i - 1], flowables[i]), needs[i]);
            flowables[i].Place(flow);
        }

        flow.AddFooters();
        return flow.Pages;
    }

    private static double Gap(IFlowable above, IFlowable below) => Math.Max(above.SpaceAfter, below.SpaceBefore);
}
