namespace LabCharts.Rendering;

/// <summary>Output size, format and theme. The output is <c>Width·Scale × Height·Scale</c> pixels.</summary>
public sealed record RenderOptions
{
    public int Width { get; init; } = 1200;

    public int Height { get; init; } = 900;

    /// <summary>Device pixel ratio: multiplies the pixel size and everything drawn.</summary>
    public double Scale { get; init; } = 1;

    public ChartFormat Format { get; init; } = ChartFormat.Png;

    public ChartTheme Theme { get; init; } = ChartTheme.Default;

    /// <summary>PNG deflate level; <see cref="System.IO.Compression.CompressionLevel.Optimal"/> is zlib level 5 for RGB and 2 for palette images (docs/benchmarks/png.md).</summary>
    public System.IO.Compression.CompressionLevel PngCompression { get; init; } = System.IO.Compression.CompressionLevel.Optimal;

    /// <summary>
    /// True (default): a PNG is written with a palette when one keeps it visually lossless (every colour exact up
    /// to 256; else ≥ 40 dB PSNR with the theme's colours exact), else in RGB. False: always RGB.
    /// </summary>
    public bool PngPalette { get; init; } = true;

    /// <summary>zlib's strategy for the PNG's deflate (the benchmark compares them; Default wins on charts).</summary>
    public System.IO.Compression.ZLibCompressionStrategy PngStrategy { get; init; } = System.IO.Compression.ZLibCompressionStrategy.Default;
}
