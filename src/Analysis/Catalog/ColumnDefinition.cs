namespace LabCharts.Analysis;

/// <summary>
/// An input column of an experiment. <paramref name="Unit"/> is the SI unit the readings are
/// converted to (empty for <c>custom</c>, whose columns take any unit).
/// </summary>
public sealed record ColumnDefinition(
    string Key,
    string NameZh,
    string NameEn,
    string Unit,
    bool Required,
    bool AllowsRepeatedReadings)
{
    /// <summary>True when every reading must be &gt; 0 (lengths, periods).</summary>
    public bool MustBePositive { get; init; }

    /// <summary>
    /// True for an index column (ring number, order, fringe count): integers, strictly increasing,
    /// without errors.
    /// </summary>
    public bool IsIndex { get; init; }

    /// <summary>
    /// The key of the column that may be given instead of this one (photoelectric <c>nu</c> or
    /// <c>lambda</c>): exactly one of the two is required. Null for an ordinary column.
    /// </summary>
    public string? AlternativeTo { get; init; }

    /// <summary>The units a form offers for the readings (<see cref="UnitChoices"/>): SI first; empty for <c>custom</c>.</summary>
    public IReadOnlyList<string> Units => UnitChoices.For(Unit);
}
