using System.Text;

namespace LabCharts.Analysis;

/// <summary>
/// Makes user-typed text safe inside Pango markup: the five XML special characters are escaped and
/// control characters (which GMarkup rejects, failing the whole label) are dropped. The one escaper
/// of the solution: the analysis, the chart engine's callers and the job code all use it.
/// </summary>
public static class PangoMarkup
{
    /// <summary>Escapes <c>&amp; &lt; &gt; " '</c> and removes control characters; text without any is returned as is.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0 && !text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Markup as plain text for tables and CSV: tags dropped, <c>&lt;sup&gt;</c> digits and signs as
    /// Unicode superscripts (T², K⁻¹), <c>&lt;sub&gt;</c> text kept after an underscore unless it has
    /// subscript forms (U_H, R₂₅), the five entities decoded.
    /// </summary>
    public static string ToPlainText(string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        var builder = new StringBuilder(markup.Length);
        var mode = "";
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (c == '<')
            {
                var end = markup.IndexOf('>', i);
                if (end < 0)
                {
                    break;
                }

                var tag = markup[(i + 1)..end].Trim().ToLowerInvariant();
                mode = tag is "sup" or "sub" ? tag : tag is "/sup" or "/sub" ? "" : mode;
                if (tag == "sub")
                {
                    builder.Append('_');
                }

                i = end;
                continue;
            }

            if (c == '&')
            {
                var end = markup.IndexOf(';', i);
                var entity = end < 0 ? "" : markup[(i + 1)..end];
                var decoded = entity switch { "amp" => '&', "lt" => '<', "gt" => '>', "quot" => '"', "apos" => '\'', _ => '\0' };
                if (decoded != '\0')
                {
                    builder.Append(decoded);
                    i = end;
                    continue;
                }
            }

            builder.Append(mode == "sup" ? SuperscriptOf(c) : c);
        }

        return builder.ToString();
    }

    private static char SuperscriptOf(char c) => c switch
    {
        >= '0' and <= '9' => "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0'],
        '-' or '\u2212' => '⁻',
        '+' => '⁺',
        _ => c,
    };

    /// <summary>An axis label: <c>name / unit</c>, or the name alone for a dimensionless quantity.</summary>
    internal static string AxisLabel(string nameMarkup, string unitMarkup) =>
        unitMarkup.Length == 0 ? nameMarkup : $"{nameMarkup} / {unitMarkup}";
}
