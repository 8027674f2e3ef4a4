namespace LabCharts.Analysis;

/// <summary>A derived quantity an experiment reports: its symbol, names and SI unit.</summary>
public sealed record QuantityDefinition(string Symbol, string NameZh, string NameEn, string Unit);
