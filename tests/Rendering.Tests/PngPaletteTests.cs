using System.IO.Compression;
using LabCharts.Rendering.Png;

namespace LabCharts.Rendering.Tests;

/// <summary>
/// Palette PNGs: a chart rendered both ways decodes to the same picture within 40 dB PSNR, every pixel of a
/// theme colour exactly; few colours are lossless; a gradient that no palette keeps stays RGB.
/// </summary>
public sealed class PngPaletteTests(RendererFixture fixture) : IClassFixture<RendererFixture>
{
    [Theory]
    [InlineData("default")]
    [InlineData("bw")]
    public void TypicalChart_PaletteDecodesWithin40Db_ThemeColoursExact(string themeName)
    {
        var theme = themeName == "bw" ? ChartTheme.BlackAndWhite : ChartTheme.Default;
        var chart = SampleCharts.PendulumWithResiduals();
        var truecolour = fixture.Renderer.Render(chart, new RenderOptions { Width = 1200, Height = 900, Theme = theme, PngPalette = false });
        var palette = fixture.Renderer.Render(chart, new RenderOptions { Width = 1200, Height = 900, Theme = theme });
        var reference = PngImage.Decode(truecolour.Bytes);
        var image = PngImage.Decode(palette.Bytes);
        Assert.Equal(2, reference.ColorType);
        Assert.Equal(3, image.ColorType);
        Assert.Equal((reference.Width, reference.Height), (image.Width, image.Height));

        var themeColours = theme.Colours.ToHashSet();
        double squares = 0;
        var themePixels = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (a, b) = (reference.GetPixel(x, y), image.GetPixel(x, y));
                squares += ((a.R - b.R) * (a.R - b.R)) + ((a.G - b.G) * (a.G - b.G)) + ((a.B - b.B) * (a.B - b.B));
                if (themeColours.Contains(((uint)a.R << 16) | ((uint)a.G << 8) | a.B))
                {
                    themePixels++;
                    Assert.True(a == b, $"theme colour {a} at ({x}, {y}) became {b}");
                }
            }
        }

        var psnr = squares == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255 * 3 * image.Width * image.Height / squares);
        Assert.True(psnr >= 40, $"PSNR {psnr:F1} dB");
        Assert.True(themePixels > image.Width * image.Height / 2, "the background and ink are theme colours");
        Assert.True(palette.Bytes.Length < truecolour.Bytes.Length * 0.7, $"{palette.Bytes.Length} vs {truecolour.Bytes.Length} bytes");
    }

    [Fact]
    public void FewColours_AreExact()
    {
        // 200 distinct colours in stripes: the palette holds them all, the decode is identical.
        var (width, height) = (400, 50);
        var stride = width * 4;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = (uint)((x / 2) * 0x010203) & 0xFFFFFF;
                BitConverter.TryWriteBytes(pixels.AsSpan((y * stride) + (x * 4)), colour);
            }
        }

        using var scratch = new PngScratch();
        var image = PngImage.Decode(PngEncoder.Encode(pixels, width, height, stride, CompressionLevel.Optimal, scratch, []));
        Assert.Equal(3, image.ColorType);
        for (var x = 0; x < width; x++)
        {
            var expected = (uint)((x / 2) * 0x010203) & 0xFFFFFF;
            Assert.Equal(new RgbColor((byte)(expected >> 16), (byte)(expected >> 8), (byte)expected), image.GetPixel(x, 7));
        }
    }

    [Fact]
    public void SmoothGradient_NoPaletteKeepsIt_StaysRgb()
    {
        // A 2-D ramp: nearly every one of the 32,768 pixels its own colour, more than any chart has (8192): RGB, exact.
        var (width, height) = (512, 64);
        var stride = width * 4;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = ((uint)(x / 2) << 16) | ((uint)((y * 4) + (x % 4)) << 8) | (uint)((x * 7) + y) % 256;
                BitConverter.TryWriteBytes(pixels.AsSpan((y * stride) + (x * 4)), colour);
            }
        }

        using var scratch = new PngScratch();
        var bytes = PngEncoder.Encode(pixels, width, height, stride, CompressionLevel.Optimal, scratch, []);
        var image = PngImage.Decode(bytes);
        Assert.Equal(2, image.ColorType);
        Assert.Equal(new RgbColor(10, 12, 143), image.GetPixel(20, 3)); // R = 20/2, G = 3·4 + 20 mod 4, B = 20·7 + 3
    }
}
