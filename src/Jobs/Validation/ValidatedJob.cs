using LabCharts.Analysis;

namespace LabCharts.Jobs.Validation;

/// <summary>
/// A request that passed validation: the analysis input, checked but not fitted (the worker fits
/// it once), and what to render.
/// </summary>
public sealed record ValidatedJob(ValidatedInput Analysis, RenderPlan Render)
{
    /// <summary>The analysis input.</summary>
    public ExperimentInput Input => Analysis.Input;
}
