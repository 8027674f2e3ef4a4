namespace LabCharts.Rendering.Tests;

/// <summary>Charts a person looks at (written to the temp folder) that also must render cleanly.</summary>
public sealed class GalleryTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    public static TheoryData<string> Names => ["photoelectric", "rc", "long-title", "crowded"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Render_GalleryChart_FitsWithAllGlyphs(string name)
    {
        var chart = fixture.Renderer.Render(Build(name), new RenderOptions());
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"labcharts-gallery-{name}.png"), chart.Bytes);

        Assert.Equal(0, chart.UnknownGlyphs);
        Assert.All(chart.Texts, t =>
        {
            Assert.InRange(t.X, 0, chart.PixelWidth - t.Width);
            Assert.InRange(t.Y, 0, chart.PixelHeight - t.Height);
        });
    }

    private static Chart Build(string name) => name switch
    {
        "photoelectric" => new Chart
        {
            Title = "光电效应测普朗克常量",
            Subtitle = "截止电压与入射光频率",
            X = new Axis { Label = "频率 <i>ν</i> / Hz" },
            Y = new Axis { Label = "截止电压 <i>U</i><sub>a</sub> / V" },
            Series =
            [
                new ScatterSeries { Label = "测量值", Points = [new(5.19e14, -0.35, 0, 0.02), new(5.49e14, -0.48, 0, 0.02), new(6.88e14, -1.05, 0, 0.02), new(7.41e14, -1.27, 0, 0.02), new(8.22e14, -1.60, 0, 0.02)] },
                new FunctionSeries { Label = "拟合", Function = nu => (-4.1e-15 * nu) + 1.78 },
            ],
            Annotations = ["<i>h</i> = (6.6 ± 0.2) × 10<sup>−34</sup> J·s", "<i>ν</i><sub>0</sub> = 4.3 × 10<sup>14</sup> Hz"],
        },
        "rc" => new Chart
        {
            Title = "RC 电路放电",
            X = new Axis { Label = "<i>t</i> / s" },
            Y = new Axis { Label = "<i>U</i> / V" },
            Series =
            [
                new LineSeries { Label = "示波器记录", Points = [.. Enumerable.Range(0, 60).Select(i => new ChartPoint(i * 0.1, (5 * Math.Exp(-i * 0.1 / 1.5)) + (0.05 * Math.Sin(i))))] },
                new FunctionSeries { Label = "<i>U</i> = <i>U</i><sub>0</sub> e<sup>−<i>t</i>/<i>τ</i></sup>", Function = t => 5 * Math.Exp(-t / 1.5), Color = new RgbColor(214, 39, 40) },
            ],
            Annotations = ["<i>τ</i> = (1.50 ± 0.02) s"],
        },
        "long-title" => SampleCharts.Pendulum() with
        {
            Title = "一个很长很长的标题：用单摆测量当地的重力加速度并讨论摆角、摆线质量与空气阻力对测量结果的影响（第三组）",
        },
        _ => new Chart
        {
            Title = "弗兰克-赫兹实验",
            X = new Axis { Label = "<i>U</i><sub>G2K</sub> / V" },
            Y = new Axis { Label = "<i>I</i><sub>A</sub> / nA" },
            Series =
            [
                new ScatterSeries { Label = "<i>I</i><sub>A</sub>", Points = [.. Enumerable.Range(0, 80).Select(i => new ChartPoint(i * 1.0, 40 + (i * 0.8) + (30 * Math.Sin(i * 2 * Math.PI / 4.9)), 0, 3))] },
            ],
            Annotations = ["Δ<i>U</i> = (4.9 ± 0.1) V"],
        },
    };
}
