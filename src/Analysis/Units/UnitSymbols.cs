namespace LabCharts.Analysis;

/// <summary>
/// The unit symbols the parser knows: each with its factor to the coherent SI unit, its
/// dimension, the SI symbol it converts to and whether it takes a metric prefix.
/// </summary>
internal static class UnitSymbols
{
    internal sealed record Entry(double Factor, Dimension Dimension, string SiSymbol, bool Prefixable)
    {
        /// <summary>Kelvin at the unit's zero (273.15 for °C): used only where a column is an absolute temperature.</summary>
        public double Offset { get; init; }
    }

    private static readonly Dimension Length = new(1, 0, 0, 0, 0, 0, 0, 0);
    private static readonly Dimension Mass = new(0, 1, 0, 0, 0, 0, 0, 0);
    private static readonly Dimension Time = new(0, 0, 1, 0, 0, 0, 0, 0);
    private static readonly Dimension Current = new(0, 0, 0, 1, 0, 0, 0, 0);
    private static readonly Dimension Temperature = new(0, 0, 0, 0, 1, 0, 0, 0);
    private static readonly Dimension Amount = new(0, 0, 0, 0, 0, 1, 0, 0);
    private static readonly Dimension Luminosity = new(0, 0, 0, 0, 0, 0, 1, 0);
    private static readonly Dimension Angle = new(0, 0, 0, 0, 0, 0, 0, 1);
    private static readonly Dimension Force = Mass * Length * Time.Pow(-2);
    private static readonly Dimension Energy = Force * Length;
    private static readonly Dimension Power = Energy * Time.Pow(-1);
    private static readonly Dimension Charge = Current * Time;
    private static readonly Dimension Voltage = Power * Current.Pow(-1);

    private const double Degree = Math.PI / 180;

    // Exact symbols are looked up before prefix + symbol, so "min", "mol", "cd" and "Pa" are
    // never read as milli-in, milli-ol, centi-d or peta-a.
    private static readonly Dictionary<string, Entry> Symbols = new(StringComparer.Ordinal)
    {
        ["m"] = new(1, Length, "m", true),
        ["g"] = new(1e-3, Mass, "kg", true),
        ["s"] = new(1, Time, "s", true),
        ["min"] = new(60, Time, "s", false),
        ["h"] = new(3600, Time, "s", false),
        ["'"] = new(Degree / 60, Angle, "rad", false),
        ["A"] = new(1, Current, "A", true),
        ["K"] = new(1, Temperature, "K", true),

        // °C keeps its own symbol: a temperature typed in °C is reported in °C, and only a column
        // that is an absolute temperature converts with the 273.15 offset (PhysicalUnit.Offset).
        ["°C"] = new(1, Temperature, "°C", false) { Offset = 273.15 },
        ["℃"] = new(1, Temperature, "°C", false) { Offset = 273.15 },
        ["degC"] = new(1, Temperature, "°C", false) { Offset = 273.15 },
        ["mol"] = new(1, Amount, "mol", true),
        ["cd"] = new(1, Luminosity, "cd", false),
        ["rad"] = new(1, Angle, "rad", true),
        ["°"] = new(Degree, Angle, "rad", false),
        ["deg"] = new(Degree, Angle, "rad", false),
        ["′"] = new(Degree / 60, Angle, "rad", false),
        ["″"] = new(Degree / 3600, Angle, "rad", false),
        ["Hz"] = new(1, Time.Pow(-1), "Hz", true),
        ["N"] = new(1, Force, "N", true),
        ["Pa"] = new(1, Force * Length.Pow(-2), "Pa", true),
        ["J"] = new(1, Energy, "J", true),
        ["eV"] = new(1.602176634e-19, Energy, "J", true),
        ["W"] = new(1, Power, "W", true),
        ["C"] = new(1, Charge, "C", true),
        ["V"] = new(1, Voltage, "V", true),
        ["Ω"] = new(1, Voltage * Current.Pow(-1), "Ω", true),
        ["Ohm"] = new(1, Voltage * Current.Pow(-1), "Ω", true),
        ["ohm"] = new(1, Voltage * Current.Pow(-1), "Ω", true),
        ["F"] = new(1, Charge * Voltage.Pow(-1), "F", true),
        ["T"] = new(1, Mass * Time.Pow(-2) * Current.Pow(-1), "T", true),
        ["H"] = new(1, Voltage * Time * Current.Pow(-1), "H", true),
    };

    private static readonly Dictionary<string, double> Prefixes = new(StringComparer.Ordinal)
    {
        ["p"] = 1e-12,
        ["n"] = 1e-9,
        ["μ"] = 1e-6,
        ["u"] = 1e-6,
        ["m"] = 1e-3,
        ["c"] = 1e-2,
        ["d"] = 1e-1,
        ["k"] = 1e3,
        ["M"] = 1e6,
        ["G"] = 1e9,
    };

    public static Entry? Find(string symbol)
    {
        if (Symbols.TryGetValue(symbol, out var exact))
        {
            return exact;
        }

        foreach (var (prefix, factor) in Prefixes)
        {
            if (symbol.Length > prefix.Length
                && symbol.StartsWith(prefix, StringComparison.Ordinal)
                && Symbols.TryGetValue(symbol[prefix.Length..], out var unit)
                && unit.Prefixable)
            {
                return unit with { Factor = unit.Factor * factor };
            }
        }

        return null;
    }
}
