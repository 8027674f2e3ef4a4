using LabCharts.Rendering.Composition;
using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Layout;

/// <summary>
/// Title and subtitle over the plot. A long title wraps onto a second line; beyond two lines it
/// shrinks step by step (to 72 %), and only then takes a third line.
/// </summary>
internal sealed record TitleBlock(TextBlock? Title, double TitleTop, TextBlock? Subtitle, double SubtitleTop, double Bottom)
{
    private const int MaxLines = 2;

    public static TitleBlock Compute(RenderContext context, Chart chart)
    {
        var style = context.Style;
        var wrap = context.Width - (2 * style.Padding);
        var top = style.Padding;
        TextBlock? title = null, subtitle = null;
        double titleTop = 0, subtitleTop = 0;
        if (!string.IsNullOrWhiteSpace(chart.Title))
        {
            title = Fit(context, chart.Title, style.TitleSize, bold: true, wrap);
            titleTop = top;
            top += title.Height;
        }

        if (!string.IsNullOrWhiteSpace(chart.Subtitle))
        {
            subtitle = Fit(context, chart.Subtitle, style.SubtitleSize, bold: false, wrap);
            subtitleTop = top + (title is null ? 0 : 4 * style.Unit);
            top = subtitleTop + subtitle.Height;
        }

        if (title is not null || subtitle is not null)
        {
            top += style.LabelGap * 1.5;
        }

        return new TitleBlock(title, titleTop, subtitle, subtitleTop, top);
    }

    private static TextBlock Fit(RenderContext context, string markup, double size, bool bold, double wrap)
    {
        TextBlock block = null!;
        for (var factor = 1.0; factor >= ChartStyle.MinTitleShrink - 1e-9; factor -= 0.07)
        {
            block = context.Text(markup, new TextStyle(size * factor, Bold: bold, WrapWidth: wrap, Centered: true));
            if (block.LineCount <= MaxLines)
            {
                break;
            }
        }

        return block;
    }
}
