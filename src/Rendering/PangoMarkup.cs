using System.Text;

namespace LabCharts.Rendering;

/// <summary>Pango markup helpers for callers that put user text into chart labels.</summary>
public static class PangoMarkup
{
    /// <summary>Escapes &amp;, &lt;, &gt;, quotes so the text shows literally inside markup.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&apos;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
