namespace LabCharts.Rendering.Report;

/// <summary>A chart at the full text width (narrower when a page is not tall enough for its aspect ratio); never split.</summary>
internal sealed class ChartFlowable : IFlowable
{
    private readonly ReportChart _chart;

    public ChartFlowable(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart.Chart, nameof(chart));
        if (!(chart.AspectRatio is >= 0.2 and <= 3))
        {
            throw new ArgumentOutOfRangeException(nameof(chart), chart.AspectRatio, "A report chart's aspect ratio (height / width) must be within 0.2…3.");
        }

        _chart = chart;
    }

    public double SpaceBefore => 10;

    public double SpaceAfter => 10;

    public bool KeepWithNext => false;

    private double Width => Math.Min(ReportStyle.TextWidth, ReportFlow.PageRoom / _chart.AspectRatio);

    private double Height => Width * _chart.AspectRatio;

    public double LeastHeight(ReportFlow flow) => Height;

    public void Place(ReportFlow flow)
    {
        if (!flow.AtTop && Height > flow.Room)
        {
            flow.NewPage();
        }

        flow.Chart(_chart.Chart, ReportStyle.MarginX + ((ReportStyle.TextWidth - Width) / 2), Width, Height);
    }
}
