using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using LabCharts.Rendering.Png;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// The PNG encoder's choices on the typical lab chart (issue 12): truecolour and palette, zlib levels 1, 5 and 9
/// with strategies Default, Filtered and RunLength, the palette image at zlib levels 2, 3, 4 and 6, and the
/// product's default last — encode
/// milliseconds (the encode part of each render, median and min) with the palette's stages (medians), and bytes.
/// Prints one JSON line per variant for png.sh.
/// </summary>
internal static class PngStudy
{
    public static int Run(int iterations)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = TypicalLabChart.Create().ToChart();
        foreach (var palette in new[] { true, false })
        {
            foreach (var level in new[] { 1, 5, 9 })
            {
                foreach (var strategy in new[] { ZLibCompressionStrategy.Default, ZLibCompressionStrategy.Filtered, ZLibCompressionStrategy.RunLengthEncoding })
                {
                    PngEncoder.ZlibLevelOverride = level;
                    Measure(renderer, chart, new RenderOptions { Width = 1200, Height = 900, PngPalette = palette, PngStrategy = strategy }, level.ToString(CultureInfo.InvariantCulture), iterations);
                }
            }
        }

        foreach (var zlibLevel in new[] { 2, 3, 4, 6 })
        {
            PngEncoder.ZlibLevelOverride = zlibLevel;
            Measure(renderer, chart, new RenderOptions { Width = 1200, Height = 900 }, zlibLevel.ToString(CultureInfo.InvariantCulture), iterations);
        }

        // The product's default (RenderOptions as a job gets them): palette when lossless enough, its zlib level.
        PngEncoder.ZlibLevelOverride = null;
        Measure(renderer, chart, new RenderOptions { Width = 1200, Height = 900 }, "default", iterations);
        PngEncoder.ZlibLevelOverride = null;
        return 0;
    }

    private static void Measure(ChartRenderer renderer, Chart chart, RenderOptions options, string levelName, int iterations)
    {
        var encodes = new List<double>();
        var (palette, index, deflate) = (new List<double>(), new List<double>(), new List<double>());
        RenderedChart last = renderer.Render(chart, options);
        for (var i = 0; i < 5; i++)
        {
            last = renderer.Render(chart, options);
        }

        for (var i = 0; i < iterations; i++)
        {
            last = renderer.Render(chart, options);
            encodes.Add(last.EncodeTime.TotalMilliseconds);
            var (p, x, d) = PngEncoder.LastPaletteStages;
            palette.Add(p.TotalMilliseconds);
            index.Add(x.TotalMilliseconds);
            deflate.Add(d.TotalMilliseconds);
        }

        var isPalette = last.Bytes[25] == 3;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            encoding = isPalette ? "palette" : "truecolour",
            level = levelName,
            strategy = options.PngStrategy.ToString(),
            encodeMs = Median(encodes),
            encodeMsMin = encodes.Min(),
            pngBytes = last.Bytes.Length,
            colourType = (int)last.Bytes[25],
            paletteMs = isPalette ? Median(palette) : 0,
            indexMs = isPalette ? Median(index) : 0,
            deflateMs = isPalette ? Median(deflate) : 0,
        }));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
