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
}
