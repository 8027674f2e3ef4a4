using LabCharts.Rendering.Report;

namespace LabCharts.Rendering;

/// <summary>A section heading (e.g. "1. 数据表"), plain text, 12 pt bold; never left alone at the foot of a page.</summary>
public sealed record ReportHeading(string Text) : ReportBlock
{
    internal override IFlowable ToFlowable() => new HeadingFlowable(this);
}
