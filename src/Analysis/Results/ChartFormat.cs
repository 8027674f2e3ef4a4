namespace LabCharts.Analysis;

/// <summary>
/// A chart file format: part of the chart vocabulary the job request, the pipeline and the chart
/// engine share, parsed once from the request's <c>render.formats</c>.
/// </summary>
public enum ChartFormat
{
    /// <summary>Raster, for the mini-program (<c>png</c>).</summary>
    Png,

    /// <summary>Vector, for the web (<c>svg</c>).</summary>
    Svg,

    /// <summary>Vector, for lab reports (<c>pdf</c>).</summary>
    Pdf,
}

/// <summary>The chart's colour scheme, parsed once from the request's <c>render.theme</c>.</summary>
public enum ChartThemeName
{
    /// <summary>Colour-blind-safe colours (<c>default</c>).</summary>
    Default,

    /// <summary>Black and white, for print (<c>bw</c>).</summary>
    BlackAndWhite,
}

/// <summary>The request's names of formats and themes: the one place they are spelled.</summary>
public static class ChartNames
{
    /// <summary>The format's name in requests, records and file names: <c>png</c>, <c>svg</c>, <c>pdf</c>.</summary>
    public static string Name(this ChartFormat format) => format switch
    {
        ChartFormat.Svg => "svg",
        ChartFormat.Pdf => "pdf",
        _ => "png",
    };

    /// <summary>The theme's name in requests: <c>default</c> or <c>bw</c>.</summary>
    public static string Name(this ChartThemeName theme) => theme == ChartThemeName.BlackAndWhite ? "bw" : "default";

    /// <summary>Every format, in the order the contract lists them.</summary>
    public static IReadOnlyList<ChartFormat> Formats { get; } = [ChartFormat.Png, ChartFormat.Svg, ChartFormat.Pdf];

    /// <summary>Every theme.</summary>
    public static IReadOnlyList<ChartThemeName> Themes { get; } = [ChartThemeName.Default, ChartThemeName.BlackAndWhite];

    /// <summary>A format by its name (case and surrounding blanks ignored).</summary>
    public static bool TryParseFormat(string? name, out ChartFormat format) => TryParse(name, Formats, Name, out format);

    /// <summary>A theme by its name (case and surrounding blanks ignored).</summary>
    public static bool TryParseTheme(string? name, out ChartThemeName theme) => TryParse(name, Themes, Name, out theme);

    private static bool TryParse<T>(string? name, IReadOnlyList<T> all, Func<T, string> nameOf, out T value)
    {
        foreach (var candidate in all)
        {
            if (string.Equals(nameOf(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default!;
        return false;
    }
}
