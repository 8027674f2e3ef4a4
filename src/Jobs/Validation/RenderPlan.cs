namespace LabCharts.Jobs.Validation;

/// <summary>The chart files a job will produce, after validation.</summary>
public sealed record RenderPlan(IReadOnlyList<string> Formats, int Width, int Height, double Scale, string Theme = "default")
{
    /// <summary>Default size of DESIGN.md: one 1200×900 PNG.</summary>
    public static RenderPlan Default { get; } = new(["png"], 1200, 900, 1);
}
