namespace LabCharts.Jobs.Views;

/// <summary>A page of the caller's jobs, newest first.</summary>
public sealed record JobPage(IReadOnlyList<JobView> Items, int Page, int PageSize, int Total);
