using System.Globalization;
using System.Security;
using System.Text;

namespace LabCharts.Rendering.Svg;

/// <summary>
/// Cairo 1.16 writes text into SVG as glyph outlines only, so the file holds no searchable or
/// selectable text. Like the invisible text layer of a scanned PDF, a transparent <c>&lt;text&gt;</c>
/// per drawn text is laid over its box: screen readers, search and copy see the words, nothing changes
/// on screen.
/// </summary>
internal static class SvgTextLayer
{
    public static byte[] Add(byte[] svg, IReadOnlyList<TextReport> texts)
    {
        var document = Encoding.UTF8.GetString(svg);
        var end = document.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (end < 0 || texts.Count == 0)
        {
            return svg;
        }

        var layer = new StringBuilder("<g id=\"text-layer\" fill-opacity=\"0\" font-family=\"Noto Sans CJK SC, Noto Sans, sans-serif\">\n");
        foreach (var text in texts)
        {
            var rotated = text.Rotated;
            var size = (rotated ? text.Width : text.Height) * 0.75;
            var (x, y) = rotated ? (text.X + (text.Width * 0.8), text.Y + text.Height) : (text.X, text.Y + (text.Height * 0.8));
            layer.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-size=\"{size:0.##}\"");
            if (rotated)
            {
                layer.Append(CultureInfo.InvariantCulture, $" transform=\"rotate(-90 {x:0.##} {y:0.##})\"");
            }

            layer.Append('>').Append(SecurityElement.Escape(text.Text.Replace('\n', ' '))).Append("</text>\n");
        }

        layer.Append("</g>\n");
        return Encoding.UTF8.GetBytes(document.Insert(end, layer.ToString()));
    }
}
