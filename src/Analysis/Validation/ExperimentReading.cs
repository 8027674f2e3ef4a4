namespace LabCharts.Analysis;

/// <summary>A request read against its experiment's definition: SI columns and constants by key.</summary>
internal sealed record ExperimentReading(
    IReadOnlyDictionary<string, MeasuredColumn> Columns,
    IReadOnlyDictionary<string, MeasuredConstant> Constants);
