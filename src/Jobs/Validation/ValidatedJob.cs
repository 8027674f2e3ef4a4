using LabCharts.Analysis;

namespace LabCharts.Jobs.Validation;

/// <summary>A request that passed validation: the analysis input and what to render.</summary>
public sealed record ValidatedJob(IExperiment Experiment, ExperimentInput Input, RenderPlan Render);
