namespace LabCharts.Jobs.Contracts;

/// <summary>A failure with its stable code and the message in both languages.</summary>
public sealed record JobError(string Code, string MessageZh, string MessageEn, string? Field = null);
