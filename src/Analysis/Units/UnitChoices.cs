namespace LabCharts.Analysis;

/// <summary>
/// The units a form offers for a catalogue unit: the units labs write readings in (<c>cm</c> and
/// <c>mm</c> for a length, <c>ms</c> for a period, <c>°C</c> for a temperature), each one the analysis
/// converts. Any other unit it can read is still accepted as text; this is only the menu.
/// </summary>
public static class UnitChoices
{
    // Common lab units, in the order a menu lists them within one kind (the SI unit is put first).
    private static readonly string[] Common =
    [
        "m", "cm", "mm", "μm", "nm", "km",
        "s", "ms", "μs", "min",
        "kg", "g", "mg",
        "A", "mA", "μA", "nA",
        "V", "mV", "kV",
        "Ω", "kΩ", "MΩ",
        "K", "°C",
        "rad", "°", "′",
        "Hz", "kHz", "MHz",
        "N", "Pa", "kPa", "MPa", "GPa",
        "J", "eV", "W",
        "T", "mT", "μT",
        "F", "μF", "nF", "pF", "H", "mH",
        "m/s²", "cm/s²",
        "rad/s", "°/s",
        "K^-1", "°C^-1",
    ];

    /// <summary>
    /// The menu for <paramref name="siUnit"/>: that unit first, then every common unit of the same kind.
    /// Empty for an empty unit (<c>custom</c>'s columns take any unit, typed freely).
    /// </summary>
    public static IReadOnlyList<string> For(string siUnit)
    {
        if (string.IsNullOrEmpty(siUnit) || PhysicalUnit.Parse(siUnit) is not { } target)
        {
            return [];
        }
        var menu = new List<string> { siUnit };
        foreach (var candidate in Common)
        {
            if (candidate != siUnit && PhysicalUnit.Parse(candidate) is { } unit && unit.IsCompatibleWith(target))
            {
                menu.Add(candidate);
            }
        }
        return menu;
    }
}
