using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LabCharts.Rendering.Svg;

/// <summary>
/// Cairo names SVG groups after a process-wide surface counter (<c>id="surface17"</c>), so the same
/// chart would differ from render to render. Renumbering them in order of appearance makes the output
/// depend only on the chart.
/// </summary>
internal static partial class SvgSurfaceIds
{
    public static byte[] Normalize(byte[] svg)
    {
        var text = Encoding.UTF8.GetString(svg);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var normalized = SurfaceId().Replace(text, match =>
        {
            if (!numbers.TryGetValue(match.Groups[1].Value, out var number))
            {
                number = numbers.Count + 1;
                numbers.Add(match.Groups[1].Value, number);
            }

            return "surface" + number.ToString(CultureInfo.InvariantCulture);
        });
        return Encoding.UTF8.GetBytes(normalized);
    }

    [GeneratedRegex("(?<=[\"#])surface([0-9]+)(?=[\"\\)])", RegexOptions.CultureInvariant)]
    private static partial Regex SurfaceId();
}
