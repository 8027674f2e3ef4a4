using LabCharts.Jobs.Contracts;

namespace LabCharts.Jobs.Processing;

/// <summary>What one run of the pipeline produced.</summary>
public sealed record PipelineOutput(JobResult Result, IReadOnlyList<RenderedArtifact> Artifacts);
