using LabCharts.Rendering.Interop;

namespace LabCharts.Rendering.Composition;

/// <summary>
/// Where everything goes, from measured text: title block, plot frame, ticks and their labels, axis
/// labels. Tick labels depend on the frame size and the frame on their widths, so the layout is
/// repeated until it settles (two or three rounds).
/// </summary>
internal sealed class ChartLayout
{
    private const int Rounds = 3;

    private ChartLayout(PlotArea plot, AxisTicks xTicks, AxisTicks yTicks, IReadOnlyList<TextBlock> xTickLabels, IReadOnlyList<TextBlock> yTickLabels)
    {
        Plot = plot;
        XTicks = xTicks;
        YTicks = yTicks;
        XTickLabels = xTickLabels;
        YTickLabels = yTickLabels;
    }

    public PlotArea Plot { get; }

    public AxisTicks XTicks { get; }

    public AxisTicks YTicks { get; }

    public IReadOnlyList<TextBlock> XTickLabels { get; }

    public IReadOnlyList<TextBlock> YTickLabels { get; }

    public TextBlock? Title { get; private init; }

    public double TitleTop { get; private init; }

    public TextBlock? Subtitle { get; private init; }

    public double SubtitleTop { get; private init; }

    public TextBlock? XLabel { get; private init; }

    public TextBlock? YLabel { get; private init; }

    public TextBlock? XOffset { get; private init; }

    public TextBlock? YOffset { get; private init; }

    public static ChartLayout Compute(RenderContext context, Chart chart)
    {
        var style = context.Style;
        var (width, height) = (context.Width, context.Height);
        var pad = style.Padding;
        var top = pad;

        TextBlock? title = null, subtitle = null;
        double titleTop = 0, subtitleTop = 0;
        if (!string.IsNullOrWhiteSpace(chart.Title))
        {
            title = context.Text(chart.Title, new TextStyle(style.TitleSize, Bold: true, WrapWidth: width - (2 * pad), Centered: true));
            titleTop = top;
            top += title.Height;
        }

        if (!string.IsNullOrWhiteSpace(chart.Subtitle))
        {
            subtitle = context.Text(chart.Subtitle, new TextStyle(style.SubtitleSize, WrapWidth: width - (2 * pad), Centered: true));
            subtitleTop = top + (title is null ? 0 : 4 * style.Unit);
            top = subtitleTop + subtitle.Height;
        }

        if (title is not null || subtitle is not null)
        {
            top += style.LabelGap * 1.5;
        }

        var xLabel = string.IsNullOrWhiteSpace(chart.X.Label) ? null : context.Text(chart.X.Label, new TextStyle(style.AxisLabelSize));
        var yLabel = string.IsNullOrWhiteSpace(chart.Y.Label) ? null : context.Text(chart.Y.Label, new TextStyle(style.AxisLabelSize));

        var (xMin, xMax) = DataRange.ForX(chart);
        var (yMin, yMax) = DataRange.ForY(chart, xMin, xMax);

        // First guess, refined from the measured tick labels.
        var plot = new PlotArea(pad + (80 * style.Unit), top, width - (2 * pad) - (100 * style.Unit), height - top - pad - (80 * style.Unit), xMin, xMax, yMin, yMax);
        AxisTicks xTicks = null!, yTicks = null!;
        List<TextBlock> xTickLabels = [], yTickLabels = [];
        TextBlock? xOffset = null, yOffset = null;
        for (var round = 0; round < Rounds; round++)
        {
            xTicks = TickGenerator.Generate(xMin, xMax, Math.Max(2, (int)(plot.Width / style.XTickSpacing)));
            yTicks = TickGenerator.Generate(yMin, yMax, Math.Max(2, (int)(plot.Height / style.YTickSpacing)));
            var tickStyle = new TextStyle(style.TickLabelSize);
            xTickLabels = [.. xTicks.Ticks.Select(t => context.Text(t.Label, tickStyle))];
            yTickLabels = [.. yTicks.Ticks.Select(t => context.Text(t.Label, tickStyle))];
            xOffset = xTicks.Exponent == 0 ? null : context.Text(PowerOfTen(xTicks.Exponent), tickStyle);
            yOffset = yTicks.Exponent == 0 ? null : context.Text(PowerOfTen(yTicks.Exponent), tickStyle);

            var yTickWidth = yTickLabels.Count == 0 ? 0 : yTickLabels.Max(b => b.Width);
            var xTickHeight = xTickLabels.Count == 0 ? tickStyle.Size : xTickLabels.Max(b => b.Height);
            var tickHeight = yTickLabels.Count == 0 ? 0 : yTickLabels.Max(b => b.Height);
            var left = pad + (yLabel is null ? 0 : yLabel.Height + style.LabelGap) + yTickWidth + style.TickGap + style.TickLength;
            var bottom = height - pad - Math.Max(xLabel?.Height ?? 0, xOffset?.Height ?? 0) - (xLabel is null && xOffset is null ? 0 : style.LabelGap)
                - xTickHeight - style.TickGap - style.TickLength;
            var plotTop = top + Math.Max(yOffset is null ? 0 : yOffset.Height + (4 * style.Unit), tickHeight / 2);
            var lastXLabel = xTickLabels.Count == 0 ? 0 : xTickLabels[^1].Width / 2;
            var right = width - Math.Max(pad * 2, lastXLabel + pad);
            plot = new PlotArea(left, plotTop, Math.Max(10, right - left), Math.Max(10, bottom - plotTop), xMin, xMax, yMin, yMax);
        }

        return new ChartLayout(plot, xTicks, yTicks, xTickLabels, yTickLabels)
        {
            Title = title,
            TitleTop = titleTop,
            Subtitle = subtitle,
            SubtitleTop = subtitleTop,
            XLabel = xLabel,
            YLabel = yLabel,
            XOffset = xOffset,
            YOffset = yOffset,
        };
    }

    private static string PowerOfTen(int exponent) =>
        "×10<sup>" + (exponent < 0 ? "\u2212" : "") + Math.Abs(exponent).ToString(System.Globalization.CultureInfo.InvariantCulture) + "</sup>";
}
