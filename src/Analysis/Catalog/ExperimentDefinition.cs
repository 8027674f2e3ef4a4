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

    /// <summary>
    /// The line methods a request may ask for in <c>options.method</c>: <c>least_squares</c> always,
    /// <c>successive_differences</c> (逐差法) where x is equally spaced by design (for <c>custom</c>: the
    /// <c>linear</c> model only).
    /// </summary>
    public IReadOnlyList<string> Methods { get; init; } = [LineMethods.LeastSquares];

    /// <summary>The derived quantities it reports, as symbol and SI unit, e.g. <c>g</c> in <c>m/s²</c>.</summary>
    public IReadOnlyList<QuantityDefinition> Quantities { get; init; } = [];
}
