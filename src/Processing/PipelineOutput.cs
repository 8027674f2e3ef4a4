using LabCharts.Jobs;
using LabCharts.Jobs.Messages;
using LabCharts.Jobs.Records;
using LabCharts.Jobs.Requests;
using LabCharts.Jobs.Views;

namespace LabCharts.Processing;

/// <summary>What one run of the pipeline produced.</summary>
public sealed record PipelineOutput(JobResult Result, IReadOnlyList<RenderedArtifact> Artifacts);
