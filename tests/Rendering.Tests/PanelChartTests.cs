using LabCharts.Analysis;
namespace LabCharts.Rendering.Tests;

/// <summary>Image-level checks of the worker's chart (band, residual panel), log axes and the themes: decode the PNG, look at pixels.</summary>
public sealed class PanelChartTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private static readonly RgbColor White = new(255, 255, 255);
    private readonly ChartRenderer _renderer = fixture.Renderer;

    [Fact]
    public void Render_ResidualPanel_SharesXAndSitsUnderMain()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());

        Assert.Equal(2, chart.Panels.Count);
        var (main, residual) = (chart.Panels[0], chart.Panels[1]);
        Assert.Equal(main, chart.PlotArea);
        Assert.Equal((main.Left, main.Width, main.XMin, main.XMax), (residual.Left, residual.Width, residual.XMin, residual.XMax));
        Assert.True(residual.Top > main.Bottom);
        Assert.InRange(residual.Height / main.Height, 0.25, 0.45);
    }

    [Fact]
    public void Render_ResidualPanel_MarkersAtTheirPixels()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);

        foreach (var point in SampleCharts.ResidualPoints)
        {
            var pixel = chart.Panels[1].ToPixel(point.X, point.Y);
            Assert.True(chart.Panels[1].Contains(pixel));
            Assert.Equal(ChartTheme.Default.Palette[0], image.GetPixel((int)pixel.X, (int)pixel.Y));
        }
    }

    [Fact]
    public void Render_Band_TintsBackgroundBetweenItsCurves()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);
        var plot = chart.PlotArea;

        // Inside the band, away from the fit line (3 px) and any marker: a light tint of the curve's vermillion.
        var x = 0.55;
        var inside = plot.ToPixel(x, SampleCharts.PendulumFit(x) + 0.025);
        Assert.True(plot.PixelY(SampleCharts.PendulumFit(x)) - inside.Y > 3);
        var tint = image.GetPixel((int)inside.X, (int)inside.Y);
        Assert.True(tint.R > tint.B && tint.R > 200 && tint != White, tint.ToString());
    }

    [Fact]
    public void Render_ResidualChart_BackgroundCleanOutsidePanels()
    {
        var chart = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);
        var (main, residual) = (chart.Panels[0], chart.Panels[1]);

        // The strip right of the frames and the gap between the panels (right of the y tick labels) are pure background.
        for (var y = (int)main.Top; y < (int)residual.Bottom; y += 3)
        {
            Assert.Equal(White, image.GetPixel((int)main.Right + 6, y));
        }

        for (var x = (int)main.Left + 4; x < (int)main.Right - 4; x += 5)
        {
            Assert.Equal(White, image.GetPixel(x, (int)((main.Bottom + residual.Top) / 2)));
        }
    }

    [Fact]
    public void Render_LogAxis_MarkerAtLogPosition()
    {
        ChartPoint[] points = [new(0, 5), new(1, 0.5), new(2, 0.05), new(3, 0.005)];
        var chart = _renderer.Render(
            new Chart { X = new Axis { Label = "<i>t</i> / s" }, Y = new Axis { Label = "<i>U</i> / V", Scale = AxisScale.Log }, Series = [new ScatterSeries { Points = points }] },
            new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);
        var plot = chart.PlotArea;

        Assert.Equal(AxisScale.Log, plot.YScale);
        var spacing = points.Skip(1).Select((p, i) => plot.PixelY(p.Y) - plot.PixelY(points[i].Y)).ToArray();
        Assert.All(spacing, s => Assert.Equal(spacing[0], s, 6)); // equal ratios, equal steps
        foreach (var p in points)
        {
            var pixel = plot.ToPixel(p.X, p.Y);
            Assert.Equal(ChartTheme.Default.Palette[0], image.GetPixel((int)pixel.X, (int)pixel.Y));
        }

        Assert.Contains(chart.Texts, t => t.Markup == "10<sup>\u22123</sup>" || t.Markup == "0.01");
    }

    [Fact]
    public void Render_BlackAndWhiteTheme_OnlyGreyPixels()
    {
        // Even a series that chose its own colour is drawn in grey.
        var source = SampleCharts.PendulumWithResiduals();
        source = source with { Series = [.. source.Series, new ReferenceLine { Label = "上限", Value = 3.0, Color = new RgbColor(213, 94, 0) }] };
        var chart = _renderer.Render(source, new RenderOptions { Theme = ChartTheme.BlackAndWhite, Width = 600, Height = 400 });
        var image = PngImage.Decode(chart.Bytes);

        for (var y = 0; y < image.Height; y += 2)
        {
            for (var x = 0; x < image.Width; x += 2)
            {
                var c = image.GetPixel(x, y);
                Assert.True(c.R == c.G && c.G == c.B, $"{c} at ({x}, {y})");
            }
        }
    }

    [Fact]
    public void Render_ResidualChartTwice_SameBytes()
    {
        var first = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());
        var second = _renderer.Render(SampleCharts.PendulumWithResiduals(), new RenderOptions());

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Theory]
    [InlineData("bw", "bw")]
    [InlineData("default", "default")]
    [InlineData(" BW ", "bw")]
    public void For_RequestThemeName_Resolves(string name, string expected)
    {
        Assert.True(ChartNames.TryParseTheme(name, out var theme));
        Assert.Equal(expected, ChartTheme.For(theme).Name);
    }

    [Fact]
    public void TryParseTheme_UnknownName_IsRefused() => Assert.False(ChartNames.TryParseTheme("sepia", out _));
}
