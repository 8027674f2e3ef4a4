namespace LabCharts.Analysis;

/// <summary>
/// A result computed from the fit (e.g. <c>g</c>) with first-order propagated uncertainty, in SI
/// units. <see cref="Formatted"/> is rounded by the lab rules: <c>g = (9.79 ± 0.03) m/s²</c>.
/// <see cref="RelativeUncertainty"/> is null when the value is 0; <see cref="RelativeError"/>
/// is |value − reference| / reference and present only when a reference is known.
/// </summary>
public sealed record DerivedQuantity(
    string Symbol,
    string Name,
    string NameEn,
    double Value,
    double Uncertainty,
    string Unit,
    string Formatted,
    double? RelativeUncertainty,
    double? Reference,
    double? RelativeError)
{
    /// <summary>The quantity's uncertainty budget: formula, inputs, sensitivities and contributions.</summary>
    public UncertaintyBudget? Budget { get; init; }
}
