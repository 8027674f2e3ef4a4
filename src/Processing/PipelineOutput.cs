using LabCharts.Jobs.Records;

namespace LabCharts.Processing;

/// <summary>What one run of the pipeline produced.</summary>
public sealed record PipelineOutput(JobResult Result, IReadOnlyList<RenderedArtifact> Artifacts);
