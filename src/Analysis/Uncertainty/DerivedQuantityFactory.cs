namespace LabCharts.Analysis;

/// <summary>Builds a <see cref="DerivedQuantity"/> with its rounded text, relative uncertainty and relative error.</summary>
internal static class DerivedQuantityFactory
{
    public static DerivedQuantity Create(
        string symbol, string nameZh, string nameEn, double value, double uncertainty, string unit,
        UncertaintyRounding rounding, double? reference = null)
    {
        var rounded = MeasurementRounder.Round(value, uncertainty, rounding);
        double? relativeUncertainty = value != 0 ? uncertainty / Math.Abs(value) : null;
        double? relativeError = reference is > 0 or < 0 ? Math.Abs(value - reference.Value) / Math.Abs(reference.Value) : null;
        return new DerivedQuantity(
            symbol, nameZh, nameEn, value, uncertainty, unit, rounded.ToText(symbol, unit),
            relativeUncertainty, relativeError is null ? null : reference, relativeError);
    }
}
