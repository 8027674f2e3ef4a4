using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// Milliseconds per typical lab chart (1200×900 PNG), one thread, after warm-up: several rounds of many
/// renders, the median round reported with wall-clock and process CPU time (which includes the GC's).
/// Prints one JSON line for run.sh.
/// </summary>
internal static class RenderTiming
{
    public static int Run(int iterations, int rounds, string? outPath)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = TypicalLabChart.Create().ToChart();
        var options = new RenderOptions { Width = 1200, Height = 900 };

        RenderedChart last = renderer.Render(chart, options);
        for (var i = 0; i < 50; i++)
        {
            last = renderer.Render(chart, options);
        }

        var wall = new List<double>();
        var cpu = new List<double>();
        double draw = 0, encode = 0;
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                last = renderer.Render(chart, options);
                draw += last.DrawTime.TotalMilliseconds;
                encode += last.EncodeTime.TotalMilliseconds;
            }

            wall.Add(clock.Elapsed.TotalMilliseconds / iterations);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds / iterations);
        }

        if (outPath is not null)
        {
            File.WriteAllBytes(outPath, last.Bytes);
        }

        var total = iterations * rounds;
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            engine = "LabCharts",
            msPerChart = Median(wall),
            msPerChartMin = wall.Min(),
            cpuMsPerChart = Median(cpu),
            drawMs = draw / total,
            encodeMs = encode / total,
            pngBytes = last.Bytes.Length,
            unknownGlyphs = last.UnknownGlyphs,
            iterations = total,
        }));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LabCharts rounds (ms/chart): {string.Join(", ", wall.Select(w => w.ToString("F2", CultureInfo.InvariantCulture)))}"));
        return last.UnknownGlyphs == 0 ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
