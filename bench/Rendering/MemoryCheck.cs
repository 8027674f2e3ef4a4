using System.Globalization;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// The issue's native-safety check: resident memory (VmRSS) after a warm-up vs after N more renders of
/// PNG, SVG and PDF on two threads, each measured after a full GC. Fails (exit 1) at 20 MB growth or more.
/// </summary>
internal static class MemoryCheck
{
    private const double LimitMb = 20;

    public static int Run(int renders)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = TypicalLabChart.Create().ToChart();
        ChartFormat[] formats = [ChartFormat.Png, ChartFormat.Png, ChartFormat.Png, ChartFormat.Svg, ChartFormat.Pdf];

        void Loop(int count) => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            renderer.Render(chart, new RenderOptions { Format = formats[i % formats.Length], Theme = i % 2 == 0 ? ChartTheme.Default : ChartTheme.BlackAndWhite }));

        Loop(500);
        var before = SettledRssMb();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Loop(renders);
        var after = SettledRssMb();
        var growth = after - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: {renders} renders (PNG/SVG/PDF, 2 threads) in {clock.Elapsed.TotalSeconds:F1} s; VmRSS {before:F1} MB → {after:F1} MB, growth {growth:F1} MB (limit {LimitMb} MB): {(growth < LimitMb ? "PASS" : "FAIL")}"));
        return growth < LimitMb ? 0 : 1;
    }

    /// <summary>VmRSS after collecting everything collectable, in MB.</summary>
    public static double SettledRssMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS line.");
    }
}
