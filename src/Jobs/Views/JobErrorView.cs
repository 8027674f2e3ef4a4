namespace LabCharts.Jobs.Views;

/// <summary>A job's error in the caller's language.</summary>
public sealed record JobErrorView(string Code, string Message, string? Field);
