namespace LabCharts.Analysis;

/// <summary>A constant an experiment accepts, with its SI unit and default (null when none applies).</summary>
public sealed record ConstantDefinition(
    string Key,
    string NameZh,
    string NameEn,
    string Unit,
    double? Default,
    bool Required)
{
    /// <summary>True when the value must be &gt; 0 (reference values, lengths).</summary>
    public bool MustBePositive { get; init; }

    /// <summary>The units a form offers for the value (<see cref="UnitChoices"/>), SI first.</summary>
    public IReadOnlyList<string> Units => UnitChoices.For(Unit);
}
