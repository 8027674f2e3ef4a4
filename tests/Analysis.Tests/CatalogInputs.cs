namespace LabCharts.Analysis.Tests;

/// <summary>Builds catalogue requests for the worked examples.</summary>
internal static class CatalogInputs
{
    public static ExperimentInput Make(
        string experiment,
        (string Key, ColumnInput Column)[] columns,
        (string Key, ConstantInput Constant)[]? constants = null,
        (string Key, string Value)[]? options = null) => new()
    {
        Experiment = experiment,
        Columns = columns.ToDictionary(c => c.Key, c => c.Column),
        Constants = (constants ?? []).ToDictionary(c => c.Key, c => c.Constant),
        Options = (options ?? []).ToDictionary(o => o.Key, o => o.Value),
    };

    public static ColumnInput Col(string? unit, params double[] values) => TestInputs.Single(values) with { Unit = unit };

    public static double[] Range(double start, double step, int count) => [.. Enumerable.Range(0, count).Select(i => start + (i * step))];

    public static DerivedQuantity Quantity(AnalysisResult result, string symbol) => result.Quantities.Single(q => q.Symbol == symbol);
}
