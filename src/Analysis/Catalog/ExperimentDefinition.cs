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
    IReadOnlyList<string> Models)
{
    /// <summary>The options the experiment reads (<see cref="ExperimentInput.Options"/>), with the values each accepts.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    /// <summary>The derived quantities it reports, as symbol and SI unit, e.g. <c>g</c> in <c>m/s²</c>.</summary>
    public IReadOnlyList<QuantityDefinition> Quantities { get; init; } = [];
}
