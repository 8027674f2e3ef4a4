namespace LabCharts.Analysis;

/// <summary>
/// A value and its uncertainty rounded by the lab rules, ready to print. When
/// <see cref="PowerOfTen"/> is set the texts are mantissas to be followed by ×10ⁿ.
/// <see cref="UncertaintyText"/> is null when the uncertainty was 0 (the value then keeps four
/// significant figures and is printed without ±).
/// </summary>
public sealed record RoundedMeasurement(string ValueText, string? UncertaintyText, int? PowerOfTen, int DecimalPlace)
{
    /// <summary><c>(9.79 ± 0.01)</c>, <c>(6.63 ± 0.05)×10⁻³⁴</c>, or <c>9.800</c> with no uncertainty.</summary>
    public string NumberText => Compose(PowerOfTen is int p ? $"×10{Superscript.Unicode(p)}" : "");

    /// <summary>As <see cref="NumberText"/> in Pango markup: <c>(6.63 ± 0.05)×10&lt;sup&gt;−34&lt;/sup&gt;</c>.</summary>
    public string NumberMarkup => Compose(PowerOfTen is int p ? $"×10{Superscript.Markup(p)}" : "");

    /// <summary>The value alone with its power of ten, e.g. <c>4.031</c> or <c>6.63×10⁻³⁴</c>.</summary>
    public string ValueOnlyText => ValueText + (PowerOfTen is int p ? $"×10{Superscript.Unicode(p)}" : "");

    /// <summary>As <see cref="ValueOnlyText"/> in Pango markup.</summary>
    public string ValueOnlyMarkup => ValueText + (PowerOfTen is int p ? $"×10{Superscript.Markup(p)}" : "");

    /// <summary><c>g = (9.79 ± 0.01) m/s²</c>; the unit is left out when empty.</summary>
    public string ToText(string symbol, string unit) =>
        $"{symbol} = {NumberText}{(unit.Length > 0 ? " " + unit : "")}";

    /// <summary>Markup line; the symbol and unit must already be markup.</summary>
    public string ToMarkup(string symbolMarkup, string unitMarkup) =>
        $"{symbolMarkup} = {NumberMarkup}{(unitMarkup.Length > 0 ? " " + unitMarkup : "")}";

    private string Compose(string powerOfTen) => UncertaintyText is null
        ? ValueText + powerOfTen
        : $"({ValueText} ± {UncertaintyText}){powerOfTen}";
}
