using System.Globalization;

namespace LabCharts.Rendering.Bench;

/// <summary>
/// The issue's native-safety check: resident memory (VmRSS) after a warm-up vs after N more renders of
/// PNG, SVG and PDF on two threads, each measured after a full GC; RSS is also printed at ten checkpoints so a
/// leak (a steady climb) can be told from a one-off step. Fails (exit 1) at 20 MB growth or more.
/// </summary>
internal static class MemoryCheck
{
    private const double LimitMb = 20;

    public static int Run(int renders, string? only = null, int threads = 2, int checkpoints = 10)
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = TypicalLabChart.Create().ToChart();
        ChartFormat[] formats = only is null ? [ChartFormat.Png, ChartFormat.Png, ChartFormat.Png, ChartFormat.Svg, ChartFormat.Pdf] : [Enum.Parse<ChartFormat>(only, ignoreCase: true)];

        void Loop(int count) => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            renderer.Render(chart, new RenderOptions { Format = formats[i % formats.Length], Theme = i % 2 == 0 ? ChartTheme.Default : ChartTheme.BlackAndWhite }));

        // Warm-up until the allocators and Pango's caches reach their working size (two slots, every format and
        // theme). With glibc's default of up to 8 malloc arenas per core, a thread-pool thread that joins later
        // brings an arena of its own (a one-off step of ~15-20 MB seen between renders 1,000 and 3,000); 2,000
        // renders get past it. MALLOC_ARENA_MAX=2 removes the step altogether (see the README).
        Loop(2000);
        var before = SettledRssMb();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var done = 0; done < renders;)
        {
            var step = Math.Min(renders - done, Math.Max(1, renders / checkpoints));
            Loop(step);
            done += step;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  after {done,6} renders: VmRSS {SettledRssMb():F1} MB (GC heap committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:F1} MB), Pango contexts {renderer.TextContextCount}"));
        }

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
