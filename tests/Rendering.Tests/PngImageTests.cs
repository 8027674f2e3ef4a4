namespace LabCharts.Rendering.Tests;

public sealed class PngImageTests
{
    [Fact]
    public void Decode_NotPng_Throws() =>
        Assert.Throws<InvalidDataException>(() => PngImage.Decode([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));

    [Fact]
    public void Decode_CorruptedCrc_Throws()
    {
        using var renderer = new ChartRenderer(ChartRenderer.DefaultFontsDirectory);
        var bytes = renderer.Render(SampleCharts.Pendulum(), new RenderOptions { Width = 600, Height = 400 }).Bytes;
        bytes[20] ^= 0xFF; // inside IHDR data

        Assert.Throws<InvalidDataException>(() => PngImage.Decode(bytes));
    }
}
