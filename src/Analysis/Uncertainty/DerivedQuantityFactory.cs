using System.Globalization;

namespace LabCharts.Analysis;

/// <summary>
/// Builds a <see cref="DerivedQuantity"/> with its rounded text, relative uncertainty, relative error
/// and, under the request's convention, its expanded uncertainty: U = k·u_c with k fixed by the request
/// or t_p(ν_eff) (ν_eff truncated to an integer, GUM G.4.1; the normal quantile when ν_eff is infinite).
/// </summary>
internal static class DerivedQuantityFactory
{
    public static DerivedQuantity Create(
        string symbol, string nameZh, string nameEn, double value, double uncertainty, string unit,
        ExperimentInput input, double? reference = null, UncertaintyBudget? budget = null)
    {
        var convention = input.Uncertainty;
        var rounding = input.Rounding;
        double? relativeUncertainty = value != 0 ? uncertainty / Math.Abs(value) : null;
        double? relativeError = reference is > 0 or < 0 ? Math.Abs(value - reference.Value) / Math.Abs(reference.Value) : null;
        var text = MeasurementRounder.Round(value, uncertainty, rounding).ToText(symbol, unit);
        if (convention.ExpandedLevel is { } level && uncertainty > 0)
        {
            var dof = budget?.EffectiveDegreesOfFreedom;
            var (k, from) = convention.CoverageFactor is { } fixedK ? (fixedK, "fixed")
                : dof is { } nu ? (CoverageFactor.StudentT(level, Math.Max(1, (int)Math.Floor(nu))), "t")
                : (CoverageFactor.Normal(level), "normal");
            var expanded = k * uncertainty;
            text = MeasurementRounder.Round(value, expanded, rounding).ToText(symbol, unit) + " " + ExpandedSuffix(level, k);
            budget ??= new UncertaintyBudget(symbol, [], uncertainty);
            budget = budget with { Expanded = new ExpandedUncertainty(level, k, expanded, text) { CoverageFrom = from } };
        }

        return new DerivedQuantity(
            symbol, nameZh, nameEn, value, uncertainty, unit, text,
            relativeUncertainty, relativeError is null ? null : reference, relativeError)
        {
            Budget = budget,
        };
    }

    /// <summary><c>(U₀.₉₅, k = 2.45)</c>: the level as a subscript and the coverage factor to two decimals.</summary>
    public static string ExpandedSuffix(double level, double k) =>
        string.Create(CultureInfo.InvariantCulture, $"(U{Subscript(level.ToString("0.###", CultureInfo.InvariantCulture))}, k = {k:0.##})");

    private static string Subscript(string digits) =>
        string.Concat(digits.Select(c => c switch
        {
            '.' => '.',
            >= '0' and <= '9' => (char)('₀' + (c - '0')),
            _ => c,
        }));
}
