using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Composition;

/// <summary>What every drawing step of one render shares: canvas, text shaping, style, and the report of drawn texts.</summary>
internal sealed class RenderContext : IDisposable
{
    private readonly Dictionary<(string Markup, TextStyle Style), TextBlock> _blocks = [];
    private readonly List<TextReport> _reports = [];

    public RenderContext(CairoCanvas canvas, TextShaper shaper, ChartStyle style, int width, int height)
    {
        Canvas = canvas;
        Shaper = shaper;
        Style = style;
        Width = width;
        Height = height;
    }

    public CairoCanvas Canvas { get; }

    public TextShaper Shaper { get; }

    public ChartStyle Style { get; }

    public int Width { get; }

    public int Height { get; }

    public IReadOnlyList<TextReport> Reports => _reports;

    /// <summary>Lays out markup once per render (layout rounds ask again for the same tick labels); the block lives until the render ends.</summary>
    public TextBlock Text(string markup, TextStyle style)
    {
        if (!_blocks.TryGetValue((markup, style), out var block))
        {
            block = Shaper.Layout(markup, style);
            _blocks.Add((markup, style), block);
        }

        return block;
    }

    /// <summary>Draws a block with its top-left at (x, y) and records it.</summary>
    public void Draw(TextBlock block, double x, double y, RgbColor color)
    {
        Canvas.SetColor(color);
        block.Draw(Canvas, x, y);
        Record(block, x, y, block.Width, block.Height, rotated: false);
    }

    /// <summary>Draws a block reading upwards inside the box whose top-left is (x, y) and records it.</summary>
    public void DrawRotated(TextBlock block, double x, double y, RgbColor color)
    {
        Canvas.SetColor(color);
        block.DrawRotated(Canvas, x, y);
        Record(block, x, y, block.Height, block.Width, rotated: true);
    }

    public void Dispose()
    {
        foreach (var block in _blocks.Values)
        {
            block.Dispose();
        }

        _blocks.Clear();
    }

    private void Record(TextBlock block, double x, double y, double width, double height, bool rotated) =>
        _reports.Add(new TextReport(block.Markup, block.UnknownGlyphs, x, y, width, height)
        {
            IsMarkupValid = block.IsMarkupValid,
            Text = block.PlainText,
            Rotated = rotated,
        });
}
