namespace LabCharts.Jobs.Contracts;

/// <summary>The <c>202</c> answer to a submission.</summary>
public sealed record JobAccepted(string Id, JobStatus Status, string StatusUrl);
