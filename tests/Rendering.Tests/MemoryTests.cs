using System.Globalization;

namespace LabCharts.Rendering.Tests;

/// <summary>
/// Native memory does not pile up: resident memory after warm-up vs after 2,000 more renders (PNG, SVG,
/// PDF, two threads). The full 10,000-render check is <c>bench/Rendering</c>'s <c>memory</c> mode.
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

        Loop(300);
        var before = RssMb();
        Loop(2000);
        var after = RssMb();

        Assert.True(after - before < 10, string.Create(CultureInfo.InvariantCulture, $"VmRSS grew {after - before:F1} MB ({before:F1} → {after:F1})"));
    }

    private static double RssMb()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line[6..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024;
    }
}

/// <summary>Resident memory is the whole process's: the memory test runs alone, not beside tests that decode big images.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;
