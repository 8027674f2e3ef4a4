using System.Globalization;

namespace LabCharts.Rendering.Tests;

/// <summary>
/// Native memory does not pile up: resident memory after warm-up vs after 2,000 more renders (8 MB allowed: a leak of 4 KB a render fails it) (PNG, SVG,
/// PDF, two threads). The issue's full 10,000-render check is <c>bench/Rendering</c>'s <c>memory</c> mode.
/// </summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests
{
    [Fact]
    public void Render_ManyTimes_ResidentMemoryStaysFlat()
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var chart = SampleCharts.PendulumWithResiduals();
        ChartFormat[] formats = [ChartFormat.Png, ChartFormat.Png, ChartFormat.Svg, ChartFormat.Pdf];
        void Loop(int count) => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            renderer.Render(chart, new RenderOptions { Width = 600, Height = 400, Format = formats[i % formats.Length], PngCompression = System.IO.Compression.CompressionLevel.Fastest }));

        // Warm-up fills the glibc arenas, the font caches and the thread pool; the first rounds still settle
        // (and, in the whole assembly, inherit fragmentation from tests that decoded big images), so the
        // baseline is taken after one more round and a leak shows as growth that keeps going after it.
        Loop(300);
        Loop(500);
        var samples = new List<double> { RssMb() };
        for (var round = 0; round < 4; round++)
        {
            Loop(500);
            samples.Add(RssMb());
        }

        // A leak grows every round by about the same; glibc taking a new arena or the heap a new segment is
        // one step of ~20 MB that does not repeat. So the typical (median) round must stay flat, and the whole
        // run may hold one such step but not more.
        var steps = samples.Zip(samples.Skip(1), (before, after) => after - before).Order().ToList();
        var typical = (steps[1] + steps[2]) / 2;
        var growth = samples[^1] - samples[0];
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"VmRSS grew {growth:F1} MB over 2,000 renders after warm-up, {typical:F2} MB in a typical round of 500 (MB after each 500: {string.Join(", ", samples.Select(s => s.ToString("F1", CultureInfo.InvariantCulture)))})");
        Assert.True(typical < 1.5 && growth < 32, figures);
    }

    private static double RssMb()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
    }
}

/// <summary>Resident memory is the whole process's: the memory test runs alone, not beside tests that decode big images.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;
