namespace LabCharts.Rendering;

/// <summary>The encoded chart and what was drawn: text reports and the data-to-pixel transform.</summary>
#pragma warning disable CA1819 // the encoded file is handed on as-is; copying it would only cost
public sealed record RenderedChart(byte[] Bytes, string ContentType, int PixelWidth, int PixelHeight, int UnknownGlyphs, IReadOnlyList<TextReport> Texts)
#pragma warning restore CA1819
{
    /// <summary>The main panel's frame in output pixels and its data ranges.</summary>
    public required PlotArea PlotArea { get; init; }

    /// <summary>Every panel's frame, the main one (<see cref="PlotArea"/>) first, then those under it.</summary>
    public IReadOnlyList<PlotArea> Panels { get; init; } = [];

    /// <summary>Time spent drawing into the Cairo surface.</summary>
    public TimeSpan DrawTime { get; init; }

    /// <summary>Time spent encoding the surface (PNG) or finishing the document (SVG/PDF).</summary>
    public TimeSpan EncodeTime { get; init; }
}
