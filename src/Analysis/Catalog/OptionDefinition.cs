namespace LabCharts.Analysis;

/// <summary>An option an experiment reads, the values it accepts and the default.</summary>
public sealed record OptionDefinition(string Key, string NameZh, string NameEn, IReadOnlyList<string> Values, string Default);
