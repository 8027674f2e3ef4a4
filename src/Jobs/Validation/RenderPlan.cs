using LabCharts.Analysis;

namespace LabCharts.Jobs.Validation;

/// <summary>The chart files a job will produce, after validation: typed, never parsed again.</summary>
public sealed record RenderPlan(IReadOnlyList<ChartFormat> Formats, int Width, int Height, double Scale,
    ChartThemeName Theme = ChartThemeName.Default)
{
    /// <summary>The default: one 1200×900 PNG.</summary>
    public static RenderPlan Default { get; } = new([ChartFormat.Png], 1200, 900, 1);

    /// <summary>True: the lab-report PDF (<c>report</c>) and the processed-data CSV (<c>data</c>) are made too.</summary>
    public bool Report { get; init; }
}
