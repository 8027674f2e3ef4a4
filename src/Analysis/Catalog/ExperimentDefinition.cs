namespace LabCharts.Analysis;

/// <summary>
/// Catalogue entry of an experiment as <c>GET /api/experiments</c> shows it. <paramref name="Models"/>
/// lists the model kinds <c>custom</c> accepts and is empty for the other experiments.
/// </summary>
public sealed record ExperimentDefinition(
    string Id,
    string NameZh,
    string NameEn,
    IReadOnlyList<ColumnDefinition> Columns,
    IReadOnlyList<ConstantDefinition> Constants,
    string Model,
    IReadOnlyList<string> Models);
