using LabCharts.Rendering.Report;

namespace LabCharts.Rendering;

/// <summary>Body text in Pango markup (<c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>, <c>&lt;sub&gt;</c>, <c>&lt;sup&gt;</c>), 10 pt, wrapped to the text width; may break across pages between lines.</summary>
public sealed record ReportParagraph(string Markup) : ReportBlock
{
    internal override IFlowable ToFlowable() => new ParagraphFlowable(this);
}
