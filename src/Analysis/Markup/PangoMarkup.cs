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

    /// <summary>An axis label: <c>name / unit</c>, or the name alone for a dimensionless quantity.</summary>
    internal static string AxisLabel(string nameMarkup, string unitMarkup) =>
        unitMarkup.Length == 0 ? nameMarkup : $"{nameMarkup} / {unitMarkup}";
}
