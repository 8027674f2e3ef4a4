namespace LabCharts.Rendering.Interop;

/// <summary>What one render in flight needs for itself: a Pango context (not thread-safe), pixel memory and the PNG encoder's working memory. Pooled by the renderer.</summary>
internal sealed class RenderSlot(TextShaper shaper) : IDisposable
{
    public TextShaper Shaper { get; } = shaper;

    public PixelBuffer Pixels { get; } = new();

    public Png.PngScratch PngScratch { get; } = new();

    public void Dispose()
    {
        Shaper.Dispose();
        Pixels.Dispose();
        PngScratch.Dispose();
    }
}
