using LabCharts.Jobs.Records;
namespace LabCharts.Jobs.Views;

/// <summary>The <c>202</c> answer to a submission.</summary>
public sealed record JobAccepted(string Id, JobStatus Status, string StatusUrl);
