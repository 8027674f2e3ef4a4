using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Report;

/// <summary>Text layouts of one report: those placed on pages live until the report is drawn; probes are the caller's to dispose.</summary>
internal sealed class ReportTexts(TextShaper shaper) : IDisposable
{
    private readonly Dictionary<(string Markup, TextStyle Style), TextBlock> _kept = [];

    /// <summary>A block to place on a page, laid out once per markup and style.</summary>
    public TextBlock Get(string markup, TextStyle style)
    {
        if (!_kept.TryGetValue((markup, style), out var block))
        {
            block = shaper.Layout(markup, style);
            _kept.Add((markup, style), block);
        }

        return block;
    }

    /// <summary>A block only measured (e.g. while looking for where a paragraph breaks); the caller disposes it.</summary>
    public TextBlock Measure(string markup, TextStyle style) => shaper.Layout(markup, style);

    public void Dispose()
    {
        foreach (var block in _kept.Values)
        {
            block.Dispose();
        }

        _kept.Clear();
    }
}
