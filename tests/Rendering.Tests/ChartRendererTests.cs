namespace LabCharts.Rendering.Tests;

public sealed class ChartRendererTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    private readonly ChartRenderer _renderer = fixture.Renderer;

    [Fact]
    public void Render_Pendulum_IsPalettePngOfRequestedSize_OrRgbWhenAsked()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "labcharts-pendulum.png"), chart.Bytes);

        Assert.Equal("image/png", chart.ContentType);
        Assert.True(PngImage.HasSignature(chart.Bytes));
        Assert.Equal("IHDR"u8.ToArray(), chart.Bytes[12..16]);
        var image = PngImage.Decode(chart.Bytes);
        Assert.Equal((1200, 900), (image.Width, image.Height));
        Assert.Equal((1200, 900), (chart.PixelWidth, chart.PixelHeight));
        Assert.Equal(3, image.ColorType);
        Assert.Equal(2, PngImage.Decode(_renderer.Render(SampleCharts.Pendulum(), new RenderOptions { PngPalette = false }).Bytes).ColorType);
    }

    [Fact]
    public void Render_Pendulum_EveryTextHasAllGlyphs()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());

        Assert.Equal(0, chart.UnknownGlyphs);
        Assert.All(chart.Texts, t => Assert.Equal(0, t.UnknownGlyphs));
        Assert.Contains(chart.Texts, t => t.Markup == "单摆测重力加速度");
        Assert.Contains(chart.Texts, t => t.Markup == "<i>g</i> = (9.79 ± 0.01) m/s<sup>2</sup>");
        Assert.All(chart.Texts, t => Assert.True(t.IsMarkupValid, t.Markup));
    }

    [Fact]
    public void Render_Pendulum_TextStaysInsideImage()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());

        Assert.All(chart.Texts, t =>
        {
            Assert.InRange(t.X, 0, chart.PixelWidth - t.Width);
            Assert.InRange(t.Y, 0, chart.PixelHeight - t.Height);
        });
    }

    [Fact]
    public void Render_Pendulum_MarkerCentreHasSeriesColour()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);

        foreach (var point in SampleCharts.PendulumPoints)
        {
            var pixel = chart.PlotArea.ToPixel(point.X, point.Y);
            Assert.True(chart.PlotArea.Contains(pixel));
            Assert.Equal(ChartPalette.Default[0], image.GetPixel((int)pixel.X, (int)pixel.Y));
        }
    }

    [Fact]
    public void Render_Pendulum_BackgroundOutsidePlotIsWhite()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        var image = PngImage.Decode(chart.Bytes);
        var white = new RgbColor(255, 255, 255);
        var plot = chart.PlotArea;

        Assert.Equal(white, image.GetPixel(1, 1));
        Assert.Equal(white, image.GetPixel(image.Width - 2, 1));
        Assert.Equal(white, image.GetPixel(1, image.Height - 2));
        Assert.Equal(white, image.GetPixel(image.Width - 2, image.Height - 2));
        Assert.Equal(white, image.GetPixel((int)((plot.Right + image.Width) / 2), (int)(plot.Top + (plot.Height / 2))));
    }

    [Fact]
    public void Render_SameChartTwice_SameBytes()
    {
        var first = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        var second = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public async Task Render_FourThreadsAtOnce_AllSucceedIdentically()
    {
        var expected = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions()).Bytes;
        using var start = new Barrier(4);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait(TestContext.Current.CancellationToken);
                return Enumerable.Range(0, 3).Select(_ => _renderer.Render(SampleCharts.Pendulum(), new RenderOptions()).Bytes).ToList();
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)));

        Assert.All(results.SelectMany(r => r), bytes => Assert.Equal(expected, bytes));
    }

    [Theory]
    [InlineData(600, 400, 1.0)]
    [InlineData(3000, 2000, 1.0)]
    [InlineData(600, 400, 2.0)]
    public void Render_OtherSizes_FitsAndHasRequestedPixels(int width, int height, double scale)
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions { Width = width, Height = height, Scale = scale });
        var image = PngImage.Decode(chart.Bytes);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"labcharts-{width}x{height}@{scale}.png"), chart.Bytes);

        Assert.Equal(((int)(width * scale), (int)(height * scale)), (image.Width, image.Height));
        Assert.Equal(0, chart.UnknownGlyphs);
        Assert.All(chart.Texts, t =>
        {
            Assert.InRange(t.X, 0, chart.PixelWidth - t.Width);
            Assert.InRange(t.Y, 0, chart.PixelHeight - t.Height);
        });
    }

    [Fact]
    public void Render_PrivateUseCharacter_CountsUnknownGlyph()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum() with { Annotations = ["missing \uE000 glyph"] }, new RenderOptions());

        Assert.True(chart.UnknownGlyphs > 0);
        Assert.True(chart.Texts.Single(t => t.Markup.Contains('\uE000', StringComparison.Ordinal)).UnknownGlyphs > 0);
    }

    [Fact]
    public void Render_InvalidMarkup_DrawsLiteralTextWithoutThrowing()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum() with { Title = "<b>未闭合 & <sup>", X = new Axis { Label = "a < b" } }, new RenderOptions());

        var title = chart.Texts.Single(t => t.Markup == "<b>未闭合 & <sup>");
        Assert.False(title.IsMarkupValid);
        Assert.Equal(0, title.UnknownGlyphs);
        Assert.True(title.Width > 0);
    }

    [Fact]
    public void Render_EmptyChart_DrawsFrame()
    {
        var chart = _renderer.Render(new Chart { X = new Axis(), Y = new Axis() }, new RenderOptions { Width = 600, Height = 400 });

        Assert.Equal((0.0, 1.0), (chart.PlotArea.XMin, chart.PlotArea.XMax));
        Assert.True(PngImage.HasSignature(chart.Bytes));
    }

    [Fact]
    public void Render_FixedLimits_AreUsed()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum() with { X = new Axis { Min = 0, Max = 1 }, Y = new Axis { Min = 0 } }, new RenderOptions());

        Assert.Equal((0.0, 1.0, 0.0), (chart.PlotArea.XMin, chart.PlotArea.XMax, chart.PlotArea.YMin));
    }

    [Fact]
    public void Render_ThrowingFunction_StillRenders()
    {
        var chart = _renderer.Render(
            SampleCharts.Pendulum() with { Series = [new FunctionSeries { Function = x => x > 0.7 ? throw new InvalidOperationException() : Math.Log(x - 0.6) }] },
            new RenderOptions { Width = 600, Height = 400 });

        Assert.True(PngImage.HasSignature(chart.Bytes));
    }

    [Theory]
    [InlineData(ChartFormat.Svg, "image/svg+xml", "<svg")]
    [InlineData(ChartFormat.Pdf, "application/pdf", "%PDF")]
    public void Render_VectorFormat_ProducesDocument(ChartFormat format, string contentType, string start)
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions { Format = format });

        Assert.Equal(contentType, chart.ContentType);
        Assert.Contains(start, System.Text.Encoding.ASCII.GetString(chart.Bytes, 0, Math.Min(400, chart.Bytes.Length)), StringComparison.Ordinal);
        Assert.Equal(0, chart.UnknownGlyphs);
    }

    [Theory]
    [InlineData(ChartFormat.Svg)]
    [InlineData(ChartFormat.Pdf)]
    public void Render_VectorFormatTwice_SameBytes(ChartFormat format)
    {
        var first = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions { Format = format });
        var second = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions { Format = format });

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Fact]
    public void Render_EscapedUserText_ShownLiterally()
    {
        var label = PangoMarkup.Escape("<b>R&D</b>");
        var chart = _renderer.Render(SampleCharts.Pendulum() with { Annotations = [label] }, new RenderOptions());

        var text = chart.Texts.Single(t => t.Markup == label);
        Assert.True(text.IsMarkupValid);
        Assert.Equal(0, text.UnknownGlyphs);
    }

    [Fact]
    public void Render_Pendulum_BoxesCoverNoDataPoint()
    {
        var chart = _renderer.Render(SampleCharts.Pendulum(), new RenderOptions());
        var boxed = chart.Texts.Where(t => t.Markup is "测量值" || t.Markup.StartsWith("<i>g</i>", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, boxed.Count);
        Assert.All(boxed, t => Assert.True(chart.PlotArea.Contains(new PixelPoint(t.X, t.Y))));
        foreach (var point in SampleCharts.PendulumPoints)
        {
            var p = chart.PlotArea.ToPixel(point.X, point.Y);
            Assert.DoesNotContain(boxed, t => p.X >= t.X - 20 && p.X <= t.X + t.Width + 20 && p.Y >= t.Y - 20 && p.Y <= t.Y + t.Height + 20);
        }
    }

    [Fact]
    public void Render_FallingData_LegendMovesRight()
    {
        var falling = SampleCharts.PendulumPoints.Select(p => p with { Y = 6 - p.Y }).ToArray();
        var chart = _renderer.Render(
            SampleCharts.Pendulum() with { Series = [new ScatterSeries { Label = "测量值", Points = falling }], Annotations = [] },
            new RenderOptions());

        var legend = chart.Texts.Single(t => t.Markup == "测量值");
        Assert.True(legend.X > chart.PlotArea.Left + (chart.PlotArea.Width / 2));
        Assert.True(legend.Y < chart.PlotArea.Top + (chart.PlotArea.Height / 2));
    }

    public static TheoryData<ChartPoint[]> AwkwardData => new()
    {
        { [new(double.NaN, 1), new(1, double.PositiveInfinity), new(2, 3, double.NaN, 1)] },
        { [new(5, 5)] },
        { [new(5, 5), new(5, 5)] },
        { [new(0, 1e-9), new(1, 3e-9, 0, 1e-10)] },
        { [new(1e12, -4e7), new(3e12, 9e7)] },
        { [] },
    };

    [Theory]
    [MemberData(nameof(AwkwardData))]
    public void Render_AwkwardData_RendersWithFiniteFrame(ChartPoint[] points)
    {
        var chart = _renderer.Render(
            new Chart { X = new Axis { Label = "x" }, Y = new Axis { Label = "y" }, Series = [new ScatterSeries { Label = "d", Points = points }, new LineSeries { Points = points }] },
            new RenderOptions { Width = 600, Height = 400 });

        Assert.True(double.IsFinite(chart.PlotArea.XMin) && chart.PlotArea.XMax > chart.PlotArea.XMin);
        Assert.True(double.IsFinite(chart.PlotArea.YMin) && chart.PlotArea.YMax > chart.PlotArea.YMin);
        Assert.Equal((600, 400), (PngImage.Decode(chart.Bytes).Width, PngImage.Decode(chart.Bytes).Height));
    }
}
