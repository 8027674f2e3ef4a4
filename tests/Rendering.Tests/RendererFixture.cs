namespace LabCharts.Rendering.Tests;

/// <summary>One renderer for the whole test assembly: loading the fonts is the expensive part.</summary>
public sealed class RendererFixture : IDisposable
{
    public ChartRenderer Renderer { get; } = new(ChartRenderer.DefaultFontsDirectory);

    public void Dispose() => Renderer.Dispose();
}
