namespace LabCharts.Analysis;

/// <summary>A request read against its experiment's definition: SI columns and constants by key.</summary>
internal sealed record ExperimentReading(
    IReadOnlyDictionary<string, MeasuredColumn> Columns,
    IReadOnlyDictionary<string, MeasuredConstant> Constants)
{
    /// <summary>Values and uncertainties of the named constants (which must be present or defaulted), in order.</summary>
    public (double[] Values, double[] Uncertainties) ConstantVector(params string[] keys) =>
        ([.. keys.Select(k => Constants[k].Value)], [.. keys.Select(k => Constants[k].Uncertainty)]);

    /// <summary>The constant's SI value when the request gave it or it has a default; else null.</summary>
    public double? Optional(string key) => Constants.TryGetValue(key, out var c) ? c.Value : null;
}
