using System.Globalization;
using System.Text;

namespace LabCharts.Analysis;

/// <summary>
/// A parsed unit such as <c>cm</c>, <c>kΩ</c> or <c>m/s^2</c>: the factor that converts a value in
/// it to the coherent SI unit, its dimension, and that SI unit as symbols with exponents
/// (<c>cm/ms</c> → <c>m/s</c>, <c>kΩ</c> → <c>Ω</c>, <c>°</c> → <c>rad</c>).
/// </summary>
internal sealed class PhysicalUnit
{
    private PhysicalUnit(double factor, Dimension dimension, IReadOnlyList<UnitTerm> terms, double offset = 0)
    {
        Factor = factor;
        Dimension = dimension;
        Terms = terms;
        Offset = offset;
    }

    /// <summary>
    /// Kelvin at the unit's zero for a lone temperature unit (°C: 273.15, K: 0); 0 for every
    /// other unit. Inside a product (<c>mm/°C</c>) a temperature is a difference and has no offset.
    /// </summary>
    public double Offset { get; }

    /// <summary>True for a lone temperature unit (K, °C): values in it are absolute temperatures.</summary>
    public bool IsTemperature => Terms.Count == 1 && Terms[0].Exponent == 1 && Dimension == new Dimension(0, 0, 0, 0, 1, 0, 0, 0);

    /// <summary>
    /// Converts a value in this unit to <paramref name="target"/> (same dimension): scaled, and
    /// shifted when both are lone temperature units (25 °C → 298.15 K).
    /// </summary>
    public double ConvertValue(double value, PhysicalUnit target) =>
        IsTemperature && target.IsTemperature
            ? ((value * Factor) + Offset - target.Offset) / target.Factor
            : value * Factor / target.Factor;

    /// <summary>Converts an uncertainty or difference: scaled only, never shifted.</summary>
    public double ConvertDifference(double value, PhysicalUnit target) => value * Factor / target.Factor;

    public static PhysicalUnit One { get; } = new(1, Dimension.None, []);

    public double Factor { get; }

    public Dimension Dimension { get; }

    /// <summary>The SI unit this one converts to, as symbols with exponents.</summary>
    public IReadOnlyList<UnitTerm> Terms { get; }

    /// <summary>The SI unit as Unicode text: <c>m/s²</c>, <c>s²/m</c>, <c>J·s</c>, <c>s⁻¹</c>.</summary>
    public string SiText => Format(Terms, markup: false);

    /// <summary>The SI unit as Pango markup: <c>m/s&lt;sup&gt;2&lt;/sup&gt;</c>.</summary>
    public string SiMarkup => Format(Terms, markup: true);

    /// <summary>Parses a unit; an empty or missing text is the dimensionless unit. Null when unknown.</summary>
    public static PhysicalUnit? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "1")
        {
            return One;
        }

        var normalized = text.Trim()
            .Replace('\u00B5', 'μ') // micro sign → Greek mu
            .Replace('\u2126', 'Ω') // ohm sign → Greek capital omega
            .Replace('\u2212', '-');
        var parser = new Parser(normalized);
        return parser.ParseAll();
    }

    public bool IsCompatibleWith(PhysicalUnit other) => Dimension == other.Dimension;

    public PhysicalUnit Multiply(PhysicalUnit other) =>
        new(Factor * other.Factor, Dimension * other.Dimension, Merge(Terms.Concat(other.Terms)));

    public PhysicalUnit Pow(int exponent) =>
        new(Math.Pow(Factor, exponent), Dimension.Pow(exponent), Merge(Terms.Select(t => t with { Exponent = t.Exponent * exponent })));

    /// <summary>The coherent SI unit this one converts to (factor 1).</summary>
    public PhysicalUnit ToSi() => new(1, Dimension, Terms, Offset);

    private static List<UnitTerm> Merge(IEnumerable<UnitTerm> terms)
    {
        var merged = new List<UnitTerm>();
        foreach (var term in terms)
        {
            var index = merged.FindIndex(t => t.Symbol == term.Symbol);
            if (index < 0)
            {
                merged.Add(term);
            }
            else
            {
                merged[index] = merged[index] with { Exponent = merged[index].Exponent + term.Exponent };
            }
        }

        merged.RemoveAll(t => t.Exponent == 0);
        return merged;
    }

    private static string Format(IReadOnlyList<UnitTerm> terms, bool markup)
    {
        var numerator = terms.Where(t => t.Exponent > 0).ToList();
        var denominator = terms.Where(t => t.Exponent < 0).ToList();
        var builder = new StringBuilder();

        // With nothing above the line, negative exponents read better than "1/s".
        if (numerator.Count == 0)
        {
            AppendProduct(builder, denominator, markup, negate: false);
            return builder.ToString();
        }

        AppendProduct(builder, numerator, markup, negate: false);
        if (denominator.Count > 0)
        {
            builder.Append('/');
            if (denominator.Count > 1)
            {
                builder.Append('(');
            }

            AppendProduct(builder, denominator, markup, negate: true);
            if (denominator.Count > 1)
            {
                builder.Append(')');
            }
        }

        return builder.ToString();
    }

    private static void AppendProduct(StringBuilder builder, List<UnitTerm> terms, bool markup, bool negate)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('·');
            }

            builder.Append(terms[i].Symbol);
            var exponent = negate ? -terms[i].Exponent : terms[i].Exponent;
            if (exponent != 1)
            {
                builder.Append(markup ? Superscript.Markup(exponent) : Superscript.Unicode(exponent));
            }
        }
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public PhysicalUnit? ParseAll()
        {
            var terms = new List<UnitTerm>();
            var factor = 1.0;
            var dimension = Dimension.None;
            if (!ParseProduct(terms, ref factor, ref dimension, sign: 1, inGroup: false) || _position != text.Length)
            {
                return null;
            }

            var merged = Merge(terms);
            var offset = merged.Count == 1 && merged[0].Exponent == 1 && text.Trim() is { } symbol
                ? UnitSymbols.Find(symbol)?.Offset ?? 0
                : 0;
            return new PhysicalUnit(factor, dimension, merged, offset);
        }

        private bool ParseProduct(List<UnitTerm> terms, ref double factor, ref Dimension dimension, int sign, bool inGroup)
        {
            var nextSign = sign;
            while (true)
            {
                SkipSpaces();
                if (!ParseFactor(terms, ref factor, ref dimension, nextSign))
                {
                    return false;
                }

                SkipSpaces();
                if (_position >= text.Length || (inGroup && text[_position] == ')'))
                {
                    return true;
                }

                // The SI brochure allows a space as the product sign ("N m"); it was skipped above.
                if (IsSymbolChar(text[_position]) || text[_position] == '(')
                {
                    nextSign = sign;
                    continue;
                }

                var separator = text[_position++];
                if (separator == '/')
                {
                    nextSign = -sign;
                }
                else if (separator is '*' or '·' or '⋅' or '.' or '×')
                {
                    nextSign = sign;
                }
                else
                {
                    return false;
                }
            }
        }

        private bool ParseFactor(List<UnitTerm> terms, ref double factor, ref Dimension dimension, int sign)
        {
            if (_position < text.Length && text[_position] == '(')
            {
                _position++;
                if (!ParseProduct(terms, ref factor, ref dimension, sign, inGroup: true)
                    || _position >= text.Length || text[_position] != ')')
                {
                    return false;
                }

                _position++;
                return true;
            }

            // "1/s": a bare 1 is the dimensionless factor.
            if (_position < text.Length && text[_position] == '1')
            {
                _position++;
                return true;
            }

            var start = _position;
            while (_position < text.Length && IsSymbolChar(text[_position]))
            {
                _position++;
            }

            if (_position == start)
            {
                return false;
            }

            var entry = UnitSymbols.Find(text[start.._position]);
            if (entry is null || !TryParseExponent(out var exponent))
            {
                return false;
            }

            var power = exponent * sign;
            factor *= Math.Pow(entry.Factor, power);
            dimension *= entry.Dimension.Pow(power);
            terms.Add(new UnitTerm(entry.SiSymbol, power));
            return true;
        }

        private bool TryParseExponent(out int exponent)
        {
            exponent = 1;
            if (_position >= text.Length)
            {
                return true;
            }

            if (Superscript.IsSuperscript(text[_position]))
            {
                var start = _position;
                while (_position < text.Length && Superscript.IsSuperscript(text[_position]))
                {
                    _position++;
                }

                return Superscript.TryParse(text[start.._position], out exponent);
            }

            var caret = text[_position] == '^';
            if (caret)
            {
                _position++;
            }

            var digitsStart = _position;
            if (_position < text.Length && text[_position] == '-')
            {
                _position++;
            }

            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            if (_position == digitsStart)
            {
                return !caret;
            }

            return int.TryParse(text[digitsStart.._position], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                && exponent != 0;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }
        }

        private static bool IsSymbolChar(char c) => char.IsLetter(c) || c is '°' or '′' or '″' or '℃' or '\'';
    }
}
