using System.IO.Compression;
using LabCharts.Rendering.Png;

namespace LabCharts.Rendering.Tests;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(7, 5, 0)]
    [InlineData(64, 48, 0)]
    [InlineData(333, 17, 0)]
    [InlineData(333, 40, 1)]
    [InlineData(333, 40, 2)]
    [InlineData(333, 40, 3)]
    public void EncodeRgb24_SeededPattern_DecodesToSamePixels(int width, int height, int pattern)
    {
        var random = new Random((width * 1000) + height + pattern);
        var stride = (width * 4) + 8; // Cairo may pad rows
        var pixels = new byte[stride * height];
        random.NextBytes(pixels);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width * 4; x++)
            {
                var i = (y * stride) + x;
                pixels[i] = pattern switch
                {
                    1 => (byte)((x / 4) + (pixels[i] & 3)),          // horizontal ramp: Sub
                    2 => (byte)((x / 4) + (y * 3) + (pixels[i] & 1)), // diagonal ramp: Paeth/Average
                    3 => (byte)(y % 5 == 0 ? pixels[i] : (x * y) / 7), // mixed rows
                    _ => y % 3 == 1 && y > 0 ? pixels[i - stride] : pixels[i], // noise with repeated rows: None/Up
                };
            }
        }

        var png = PngImage.Decode(PngEncoder.EncodeRgb24(pixels, width, height, stride, CompressionLevel.Fastest));

        Assert.Equal((width, height, 2), (png.Width, png.Height, png.ColorType));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var word = BitConverter.ToUInt32(pixels, (y * stride) + (x * 4));
                Assert.Equal(new RgbColor((byte)(word >> 16), (byte)(word >> 8), (byte)word), png.GetPixel(x, y));
            }
        }
    }

    [Fact]
    public void Choose_Patterns_UseEveryFilterKind()
    {
        var previous = Enumerable.Range(0, 300).Select(i => (byte)(i / 3)).ToArray();
        var ramp = Enumerable.Range(0, 300).Select(i => (byte)(i / 3 * 5)).ToArray();

        Assert.Equal(PngFilter.Sub, PngFilter.Choose(ramp, new byte[300], 3));
        Assert.Equal(PngFilter.Up, PngFilter.Choose(previous, previous, 3));
    }

    [Fact]
    public void Choose_SmoothGradient_PrefersPredictingFilter()
    {
        var previous = Enumerable.Range(0, 300).Select(i => (byte)(i / 2)).ToArray();
        var row = previous.Select(b => (byte)(b + 1)).ToArray();

        Assert.NotEqual(PngFilter.None, PngFilter.Choose(row, previous, 3));
        Assert.Equal(PngFilter.Up, PngFilter.Choose(previous, previous, 3));
    }
}
