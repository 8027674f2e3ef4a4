namespace LabCharts.Rendering.Tests;

/// <summary>Nothing clips or collides: every drawn text's box (TextReport) inside the image and apart from every other, at every size.</summary>
public sealed class LayoutTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private const string LongTitle = "大学物理实验报告：用单摆测量当地重力加速度，并讨论摆角大小、摆线质量、空气阻力以及计时误差对测量结果的影响（第三组，周三下午）";
    private readonly ChartRenderer _renderer = fixture.Renderer;

    public static TheoryData<int, int, double> Sizes => new()
    {
        { 600, 400, 1 }, { 800, 600, 1 }, { 1200, 900, 1 }, { 1920, 1080, 1 }, { 3000, 2000, 1 }, { 390, 300, 2 }, { 600, 400, 3 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Render_WorkerChart_NoTextClipsOrCollides(int width, int height, double scale)
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals() with { Title = LongTitle }, new RenderOptions { Width = width, Height = height, Scale = scale });

        AssertNothingClipsOrCollides(chart);
    }

    public static TheoryData<double, double> Ranges => new()
    {
        { 0, 1 }, { -1e-7, 3e-7 }, { 1e6, 1.0001e6 }, { 123456, 987654 }, { -0.004, 0.0052 }, { 4.3e14, 7.6e14 }, { -2.5e-3, 1e9 }, { 0.999, 1.001 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Render_AnyRange_TickLabelsNeverOverlap(double low, double high)
    {
        ChartPoint[] points = [new(low, high), new(high, low), new((low + high) / 2, (low + high) / 2)];
        foreach (var (width, height) in new[] { (600, 400), (1200, 900) })
        {
            var chart = _renderer.Render(
                new Chart { X = new Axis { Label = "<i>x</i> / V" }, Y = new Axis { Label = "<i>y</i> / A" }, Series = [new ScatterSeries { Points = points }] },
                new RenderOptions { Width = width, Height = height });

            AssertNothingClipsOrCollides(chart);
            Assert.True(chart.Texts.Count(t => !t.Rotated && t.Y > chart.PlotArea.Bottom && t.Y < chart.PlotArea.Bottom + (40 * width / 1200.0)) >= 2, "at least two x tick labels");
        }
    }

    [Fact]
    public void Render_LongTitle_WrapsThenShrinks()
    {
        var normal = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        var wrapped = _renderer.Render(SampleCharts.Pendulum() with { Title = LongTitle }, new RenderOptions());
        var longer = _renderer.Render(SampleCharts.Pendulum() with { Title = LongTitle + LongTitle }, new RenderOptions());

        var oneLine = normal.Texts.Single(t => t.Markup == "单摆测重力加速度").Height;
        var two = wrapped.Texts.Single(t => t.Markup == LongTitle);
        var shrunk = longer.Texts.Single(t => t.Markup == LongTitle + LongTitle);
        Assert.InRange(two.Height / oneLine, 1.8, 2.2);                    // wrapped onto two lines at full size
        Assert.True(shrunk.Height / oneLine < 3, "shrunk before taking a third line at full size");
        Assert.True(shrunk.Width <= longer.PixelWidth);
        AssertNothingClipsOrCollides(longer);
    }

    [Fact]
    public void Render_Millivolts_PowerOfTenMovesIntoAxisLabel()
    {
        var chart = _renderer.Render(
            new Chart { X = new Axis { Label = "<i>t</i> / s" }, Y = new Axis { Label = "<i>U</i> / V" }, Series = [new ScatterSeries { Points = [new(0, 0.001), new(1, 0.004)] }] },
            new RenderOptions());

        Assert.Contains(chart.Texts, t => t.Markup == "<i>U</i> / 10<sup>\u22123</sup> V" && t.Rotated);
        Assert.DoesNotContain(chart.Texts, t => t.Text.StartsWith("0.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_MarkedPoints_LabelsApartAndInsidePlot()
    {
        var peaks = Enumerable.Range(0, 12).Select(i => new MarkedPoint(i * 0.5, 10 + (i % 2), $"峰 {i + 1}: {i * 0.5:F2} V")).ToArray();
        var chart = _renderer.Render(
            new Chart { X = new Axis { Label = "<i>U</i> / V" }, Y = new Axis { Label = "<i>I</i> / nA" }, Series = [new MarkedPointSeries { Label = "峰值", Points = peaks }] },
            new RenderOptions { Width = 600, Height = 400 });

        AssertNothingClipsOrCollides(chart);
        Assert.Equal(12, chart.Texts.Count(t => t.Markup.StartsWith("峰 ", StringComparison.Ordinal)));
    }

    internal static void AssertNothingClipsOrCollides(RenderedChart chart)
    {
        Assert.Equal(0, chart.UnknownGlyphs);
        var boxes = chart.Texts;
        foreach (var t in boxes)
        {
            Assert.True(t.X >= 0 && t.Y >= 0 && t.X + t.Width <= chart.PixelWidth + 0.5 && t.Y + t.Height <= chart.PixelHeight + 0.5, $"'{t.Text}' leaves the image: {t}");
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                var overlap = a.X < b.X + b.Width - 0.5 && b.X < a.X + a.Width - 0.5 && a.Y < b.Y + b.Height - 0.5 && b.Y < a.Y + a.Height - 0.5;
                Assert.False(overlap, $"'{a.Text}' {Box(a)} overlaps '{b.Text}' {Box(b)}");
            }
        }
    }

    private static string Box(TextReport t) => $"[{t.X:F1}, {t.Y:F1}, {t.Width:F1}×{t.Height:F1}]";
}
