using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// The PNG encoder's choices on the typical lab chart (issue 12): truecolour and palette, zlib levels 1, 5 and 9,
/// strategies Default, Filtered and RunLength — encode milliseconds (median of many renders, the encode part only)
/// and bytes. Prints one JSON line per variant for run.sh.
/// </summary>
internal static class PngStudy
{
    public static int Run(int iterations)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = TypicalLabChart.Create().ToChart();
        foreach (var palette in new[] { true, false })
        {
            foreach (var (level, levelName) in new[] { (CompressionLevel.Fastest, "1"), (CompressionLevel.Optimal, "5"), (CompressionLevel.SmallestSize, "9") })
            {
                foreach (var strategy in new[] { ZLibCompressionStrategy.Default, ZLibCompressionStrategy.Filtered, ZLibCompressionStrategy.RunLengthEncoding })
                {
                    var options = new RenderOptions { Width = 1200, Height = 900, PngPalette = palette, PngCompression = level, PngStrategy = strategy };
                    var encodes = new List<double>();
                    var stages = new List<(double, double, double)>();
                    RenderedChart last = renderer.Render(chart, options);
                    for (var i = 0; i < 5; i++)
                    {
                        last = renderer.Render(chart, options);
                    }

                    for (var i = 0; i < iterations; i++)
                    {
                        last = renderer.Render(chart, options);
                        encodes.Add(last.EncodeTime.TotalMilliseconds);
                        var (p, x, d) = Png.PngEncoder.LastPaletteStages;
                        stages.Add((p.TotalMilliseconds, x.TotalMilliseconds, d.TotalMilliseconds));
                    }

                    encodes.Sort();
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        encoding = palette ? "palette" : "truecolour",
                        level = levelName,
                        strategy = strategy.ToString(),
                        encodeMs = encodes[encodes.Count / 2],
                        encodeMsMin = encodes[0],
                        pngBytes = last.Bytes.Length,
                        colourType = last.Bytes[25],
                        paletteMs = palette ? stages.Select(t => t.Item1).Order().ElementAt(stages.Count / 2) : 0,
                        indexMs = palette ? stages.Select(t => t.Item2).Order().ElementAt(stages.Count / 2) : 0,
                        deflateMs = palette ? stages.Select(t => t.Item3).Order().ElementAt(stages.Count / 2) : 0,
                    }));
                }
            }
        }

        return 0;
    }
}
