namespace LabCharts.Rendering.Interop;

/// <summary>What one render in flight needs for itself: a Pango context (not thread-safe) and pixel memory. Pooled by the renderer.</summary>
internal sealed class RenderSlot(TextShaper shaper) : IDisposable
{
    public TextShaper Shaper { get; } = shaper;

    public PixelBuffer Pixels { get; } = new();

    public void Dispose()
    {
        Shaper.Dispose();
        Pixels.Dispose();
    }
}
