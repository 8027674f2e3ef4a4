namespace LabCharts.Jobs.Records;

/// <summary>Questions about a <see cref="JobStatus"/>.</summary>
public static class JobStatusExtensions
{
    /// <summary>True for the states nothing follows.</summary>
    public static bool IsFinal(this JobStatus status) => status is JobStatus.Succeeded or JobStatus.Failed;
}
