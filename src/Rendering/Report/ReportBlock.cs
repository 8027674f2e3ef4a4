using LabCharts.Rendering.Report;

namespace LabCharts.Rendering;

/// <summary>One block of a <see cref="ReportDocument"/>: <see cref="ReportHeading"/>, <see cref="ReportParagraph"/>, <see cref="ReportTable"/> or <see cref="ReportChart"/>.</summary>
public abstract record ReportBlock
{
    /// <summary>How the block takes part in pagination: the room it needs to start on a page, and placing itself.</summary>
    internal abstract IFlowable ToFlowable();
}
