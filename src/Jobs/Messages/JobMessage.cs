namespace LabCharts.Jobs.Messages;

/// <summary>What travels on the queue: only ids; the request itself is read from storage.</summary>
public sealed record JobMessage(string JobId, string Owner, JobLane Lane = JobLane.Interactive);
