namespace LabCharts.Jobs.Contracts;

/// <summary>A job's error in the caller's language.</summary>
public sealed record JobErrorView(string Code, string Message, string? Field);
